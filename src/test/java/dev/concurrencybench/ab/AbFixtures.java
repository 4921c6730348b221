package dev.concurrencybench.ab;

import dev.concurrencybench.results.BenchMode;
import dev.concurrencybench.results.BenchmarkResult.RowKey;
import java.util.Map;
import java.util.Set;

/** Rows for tests. */
final class AbFixtures {

    private AbFixtures() {
    }

    static Row ss(String name, double... ignored) {
        return new Row(new RowKey("dev.example.Bench." + name, BenchMode.SINGLE_SHOT_TIME, Map.of()), Set.of(), 4, null, 4, null);
    }

    static Row thrpt(String name) {
        return new Row(new RowKey("dev.example.Bench." + name, BenchMode.THROUGHPUT, Map.of()), Set.of(), 3, "500ms", 5, "500ms");
    }
}
