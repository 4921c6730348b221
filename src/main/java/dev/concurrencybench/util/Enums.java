package dev.concurrencybench.util;

import java.util.Arrays;
import java.util.List;

/** Looking up an enum constant by the name a user typed, with an error that lists the valid names. */
public final class Enums {

    private Enums() {
    }

    /**
     * The constant of {@code enumType} named exactly {@code name} (blanks around it ignored), or an
     * IllegalArgumentException such as {@code unknown model 'X'; valid: SEQUENTIAL, ...}, where
     * {@code what} names the kind of value.
     */
    public static <E> E parse(Class<E> enumType, String what, String name) {
        String wanted = name == null ? "" : name.strip();
        for (E constant : constants(enumType)) {
            if (((Enum<?>) constant).name().equals(wanted)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("unknown " + what + " '" + name + "'; valid: " + String.join(", ", names(enumType)));
    }

    /** The names of the constants, in declaration order. */
    public static List<String> names(Class<?> enumType) {
        return Arrays.stream(constants(enumType)).map(c -> ((Enum<?>) c).name()).toList();
    }

    private static <E> E[] constants(Class<E> enumType) {
        if (!enumType.isEnum()) {
            throw new IllegalArgumentException(enumType.getName() + " is not an enum");
        }
        return enumType.getEnumConstants();
    }
}
