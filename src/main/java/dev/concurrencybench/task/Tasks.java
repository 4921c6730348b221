package dev.concurrencybench.task;

import dev.concurrencybench.util.Checks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Builders for the task lists that benchmarks and tests use, with their parameters validated. */
public final class Tasks {

    /** The Python notebook's list: big numbers first, so a pool starts the longest tasks early. */
    public static final String DEFAULT_FIBS = "36,35,34,33,32,31,30,25,20,15,10";

    private Tasks() {
    }

    /**
     * Parses a list such as {@code "36,35,10"} into Fib tasks. Commas, spaces and slashes all
     * separate, because JMH's {@code -p} splits its values on commas: on the command line a list is
     * written {@code -p fibs=36/35/10} or {@code -p "fibs=36 35 10"}.
     */
    public static List<Task> fibs(String csv) {
        if (csv == null || csv.isBlank()) {
            throw new IllegalArgumentException("fibs must be a list of n in 0.." + Fib.MAX_N + " such as 36/35/10, got an empty list");
        }
        List<Task> tasks = new ArrayList<>();
        for (String part : csv.strip().split("[\\s,/]+")) {
            String s = part.strip();
            try {
                tasks.add(new Fib(Integer.parseInt(s)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("fibs: '" + s + "' is not a whole number (list was '" + csv + "')");
            }
        }
        return Collections.unmodifiableList(tasks);
    }

    /** {@code count} tasks that each sleep {@code millis}. */
    public static List<Task> sleeps(int count, long millis) {
        Checks.positive("tasks", count);
        return Collections.nCopies(count, Sleep.ofMillis(millis));
    }

    /** The sum of the values, which benchmarks return so that no work is dead code. */
    public static long sum(List<TaskResult> results) {
        long s = 0;
        for (TaskResult r : results) {
            s += r.value();
        }
        return s;
    }
}
