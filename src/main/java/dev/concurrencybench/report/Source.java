package dev.concurrencybench.report;

import dev.concurrencybench.results.BenchMode;
import dev.concurrencybench.results.BenchmarkResult;
import dev.concurrencybench.results.ResultsFile;
import java.util.List;

/**
 * The rows of one benchmark method in one mode, taken from the newest results file that has them:
 * what a lesson charts.
 *
 * @param run  the results file the rows come from
 * @param rows every row of that method and mode in that file (one per combination of params), never empty
 */
record Source(ResultsFile run, List<BenchmarkResult> rows) {

    Source {
        rows = List.copyOf(rows);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("a source needs rows");
        }
    }

    /** e.g. {@code CpuBoundBenchmark.fibList}: what a lesson claims. */
    String shortName() {
        return rows.get(0).shortName();
    }

    String method() {
        return rows.get(0).method();
    }

    BenchMode mode() {
        return rows.get(0).mode();
    }

    /** Rows that have {@code param}; the caller charts the others generically ({@link Charts#genericWithout}). */
    List<BenchmarkResult> withParam(String param) {
        return rows.stream().filter(r -> r.param(param) != null).toList();
    }
}
