package dev.concurrencybench.bench;

import dev.concurrencybench.counter.CounterMode;
import dev.concurrencybench.counter.CounterVariant;
import dev.concurrencybench.model.ExecutionModel;
import dev.concurrencybench.model.LockKind;
import dev.concurrencybench.process.JvmFlags;
import dev.concurrencybench.task.Sleep;
import dev.concurrencybench.task.Tasks;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Checks the values of this suite's {@code @Param} names given with JMH's {@code -p name=v1,v2}
 * before JMH starts, so that a bad value is one clear line instead of a stack trace per fork. Each
 * check is the same constructor or parser the benchmark itself uses.
 */
public final class Params {

    private static final Map<String, Consumer<String>> CHECKS = Map.ofEntries(
            Map.entry("model", ExecutionModel::parse),
            Map.entry("lock", v -> parseEnum(LockKind.class, "lock", v)),
            Map.entry("fibs", Tasks::fibs),
            Map.entry("tasks", v -> Tasks.requirePositive("tasks", parseInt("tasks", v))),
            Map.entry("sleepMs", v -> Sleep.ofMillis(parseLong("sleepMs", v))),
            Map.entry("variant", CounterVariant::parse),
            Map.entry("mode", v -> parseEnum(CounterMode.class, "mode", v)),
            Map.entry("workers", v -> Tasks.requirePositive("workers", parseInt("workers", v))),
            Map.entry("increments", v -> Tasks.requirePositive("increments", parseInt("increments", v))),
            Map.entry("jvmFlags", v -> parseEnum(JvmFlags.class, "jvmFlags", v)),
            Map.entry("timeoutSeconds", v -> Tasks.requirePositive("timeoutSeconds", parseInt("timeoutSeconds", v))),
            Map.entry("threshold", v -> {
                if (parseInt("threshold", v) < 2) {
                    throw new IllegalArgumentException("threshold must be >= 2, got " + v);
                }
            }));

    private Params() {
    }

    /** Throws IllegalArgumentException naming the first bad {@code -p} value in {@code args}. */
    public static void check(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String spec;
            if (args[i].equals("-p") && i + 1 < args.length) {
                spec = args[++i];
            } else if (args[i].startsWith("-p") && args[i].contains("=") && !args[i].startsWith("-prof")) {
                spec = args[i].substring(2);
            } else {
                continue;
            }
            int eq = spec.indexOf('=');
            if (eq < 0) {
                continue; // JMH reports its own syntax errors
            }
            String name = spec.substring(0, eq);
            Consumer<String> check = CHECKS.get(name);
            if (check == null) {
                continue;
            }
            for (String value : spec.substring(eq + 1).split(",", -1)) {
                try {
                    check.accept(value);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("-p " + name + "=" + value + ": " + e.getMessage(), e);
                }
            }
        }
    }

    static int parseInt(String name, String v) {
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + v + "'");
        }
    }

    static long parseLong(String name, String v) {
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + v + "'");
        }
    }

    static <E extends Enum<E>> E parseEnum(Class<E> type, String name, String v) {
        try {
            return Enum.valueOf(type, v.strip());
        } catch (IllegalArgumentException e) {
            String valid = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            throw new IllegalArgumentException("unknown " + name + " '" + v + "'; valid: " + valid);
        }
    }
}
