package dev.concurrencybench.usage;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of a {@link UsageMeter}, parsed from a profiler option line such as
 * {@code proc=/proc;periodMs=10} (JMH's {@code -prof name:options} form).
 *
 * @param procRoot where {@code /proc} is; a folder without this JVM's files gives the fallback
 * @param period   how often the peak sampler samples
 * @param off      measure nothing (lets a user switch off a profiler that a run profile adds)
 */
public record UsageOptions(Path procRoot, Duration period, boolean off) {

    public static final UsageOptions DEFAULTS = new UsageOptions(ProcFs.DEFAULT_ROOT, Duration.ofMillis(10), false);

    /** Blank means the defaults; throws IllegalArgumentException with one line naming the valid options. */
    public static UsageOptions parse(String line) {
        UsageOptions o = DEFAULTS;
        if (line == null || line.isBlank()) {
            return o;
        }
        for (String part : line.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            String[] kv = part.split("=", 2);
            String key = kv[0].strip();
            String value = kv.length > 1 ? kv[1].strip() : "";
            switch (key) {
                case "proc" -> o = new UsageOptions(Path.of(nonEmpty(key, value)), o.period, o.off);
                case "periodMs" -> o = new UsageOptions(o.procRoot, Duration.ofMillis(positive(key, value)), o.off);
                case "off" -> o = new UsageOptions(o.procRoot, o.period, yesNo(key, value));
                default -> throw new IllegalArgumentException("unknown option '" + key
                        + "'; valid: off, periodMs, proc (e.g. periodMs=10;proc=/proc)");
            }
        }
        return o;
    }

    private static String nonEmpty(String key, String value) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException(key + " needs a value, e.g. " + key + "=/proc");
        }
        return value;
    }

    private static boolean yesNo(String key, String value) {
        return switch (value) {
            case "", "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(key + " is true or false, not '" + value + "'");
        };
    }

    private static long positive(String key, String value) {
        try {
            long v = Long.parseLong(value);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(key + " must be a whole number of milliseconds above 0, not '" + value + "'");
    }
}
