package dev.concurrencybench.ab;

import dev.concurrencybench.results.BenchMode;
import dev.concurrencybench.results.BenchmarkResult.RowKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One row to compare: a benchmark method in one mode with one value per param, and the iteration
 * settings its annotations declare (in the new jar). One JMH call runs one fork of exactly this row.
 *
 * @param defaultParams params left off the command line because their one declared value holds a
 *                      comma, which JMH's {@code -p} would split; the jar's default is that value
 * @param warmups       declared warm-up iterations, or -1 for JMH's default
 * @param warmupTime    declared warm-up iteration time (e.g. {@code 500ms}), or null
 * @param measurements  declared measured iterations, or -1
 * @param measurementTime declared measured iteration time, or null
 */
public record Row(RowKey key, Set<String> defaultParams, int warmups, String warmupTime, int measurements,
                  String measurementTime) {

    public Row {
        defaultParams = Set.copyOf(defaultParams);
    }

    public String benchmark() {
        return key.benchmark();
    }

    public BenchMode mode() {
        return key.mode();
    }

    /** The JMH arguments that select this row and nothing else: the exact name, the mode and each param. */
    public List<String> selectArgs() {
        List<String> args = new ArrayList<>(List.of("^" + Pattern.quote(benchmark()) + "$", "-bm", mode().label()));
        key.params().forEach((name, value) -> {
            if (!defaultParams.contains(name)) {
                args.addAll(List.of("-p", name + "=" + value));
            }
        });
        return args;
    }

    /**
     * The row's family: its benchmark method and mode. Rows of one family share a noise source
     * (the same code on different models or params), so their variances are moderated together.
     */
    public String family() {
        return benchmark() + " " + mode().label();
    }

    /** How the row is named in messages, e.g. {@code CpuBoundBenchmark.fibList ss model=SEQUENTIAL}. */
    public String display() {
        return key.display();
    }
}
