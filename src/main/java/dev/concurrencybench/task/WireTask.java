package dev.concurrencybench.task;

import java.util.Locale;

/**
 * A task that can travel to another process as one line of text, {@code "<kind> <args>"}, for
 * example {@code "fib 36"} or {@code "sleep 100"}. {@link #parse} is the only decoder; every
 * record here validates its arguments in its constructor, so a malformed line is rejected with a
 * message that names it.
 */
public sealed interface WireTask extends Task permits Fib, Sleep {

    /** One line, no newline, that {@link #parse} turns back into an equal task. */
    String wire();

    static WireTask parse(String line) {
        if (line == null || line.isBlank()) {
            throw new IllegalArgumentException("empty task line");
        }
        String[] parts = line.strip().split("\\s+");
        String kind = parts[0].toLowerCase(Locale.ROOT);
        try {
            return switch (kind) {
                case "fib" -> new Fib(Integer.parseInt(single(parts, line)));
                case "sleep" -> Sleep.ofMillis(Long.parseLong(single(parts, line)));
                default -> throw new IllegalArgumentException("unknown task kind '" + parts[0] + "' in line '" + line + "'");
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad number in task line '" + line + "'", e);
        }
    }

    private static String single(String[] parts, String line) {
        if (parts.length != 2) {
            throw new IllegalArgumentException("task line '" + line + "' needs exactly one argument");
        }
        return parts[1];
    }
}
