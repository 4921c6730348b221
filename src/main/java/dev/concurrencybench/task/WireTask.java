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
        String[] parts = words(line);
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

    /**
     * The line split on whitespace, without a regex: a worker JVM parses its first task within
     * its start-up, and {@code split("\\s+")} there would add java.util.regex's lambda
     * bootstrapping to every spawn.
     */
    private static String[] words(String line) {
        java.util.List<String> words = new java.util.ArrayList<>(2);
        int i = 0;
        int n = line.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i > start) {
                words.add(line.substring(start, i));
            }
        }
        return words.toArray(new String[0]);
    }

    private static String single(String[] parts, String line) {
        if (parts.length != 2) {
            throw new IllegalArgumentException("task line '" + line + "' needs exactly one argument");
        }
        return parts[1];
    }
}
