package dev.concurrencybench.ab;

import dev.concurrencybench.results.BenchMode;
import dev.concurrencybench.results.BenchmarkResult.RowKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Rows, and outcomes made from hand-made pairs, for tests. */
final class AbFixtures {

    private AbFixtures() {
    }

    static Row ss(String name, double... ignored) {
        return new Row(new RowKey("dev.example.Bench." + name, BenchMode.SINGLE_SHOT_TIME, Map.of()), Set.of(), 4, null, 4, null);
    }

    static Row thrpt(String name) {
        return new Row(new RowKey("dev.example.Bench." + name, BenchMode.THROUGHPUT, Map.of()), Set.of(), 3, "500ms", 5, "500ms");
    }

    /**
     * A row's outcome whose pairs have the time-like log ratios {@code d}: each pair a base fork of 100
     * and a new fork that far from it, on the row's own scale.
     */
    static Engine.RowOutcome outcome(Row row, double[] d, Engine.Status status, String unit) {
        List<Fork> base = new ArrayList<>();
        List<Fork> next = new ArrayList<>();
        for (double x : d) {
            double b = 100;
            double nw = row.mode().higherIsBetter() ? b / Math.exp(x) : b * Math.exp(x);
            base.add(new Fork(b, new double[] {b}, "ms/op", Double.NaN, null, 0, null));
            next.add(new Fork(nw, new double[] {nw}, "ms/op", Double.NaN, null, 0, null));
        }
        return new Engine.RowOutcome(row, d, List.of(), base, next, d.length, status, null, unit);
    }
}
