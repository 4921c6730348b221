package dev.concurrencybench.util;

/** Argument checks whose message names the argument, for values a user can set (JMH {@code -p}, options). */
public final class Checks {

    private Checks() {
    }

    /** {@code value}, or an IllegalArgumentException {@code "<name> must be > 0, got <value>"}. */
    public static int positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be > 0, got " + value);
        }
        return value;
    }
}
