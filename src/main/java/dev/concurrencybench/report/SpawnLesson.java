package dev.concurrencybench.report;

import dev.concurrencybench.report.BarChartSpec.Bar;
import dev.concurrencybench.results.BenchmarkResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a process costs: a bare JVM, a worker's spawn and a pooled worker's round trip. The methods
 * use different modes (single shots for spawns, sampling for round trips) but one unit, so they
 * share one chart; there is no ideal.
 */
final class SpawnLesson implements Lesson {

    /** In teaching order: the bare JVM floor, a worker's spawn, a pooled worker's round trip. */
    static final List<String> METHODS = List.of("bareJvm", "workerSpawn", "pooledRoundTrip");

    static final String TEXT = "What a process costs: a bare JVM that starts and exits, a worker JVM that"
            + " answers one task, and a round trip to a worker that is already running. Processes pay for a JVM start"
            + " each time; a pool pays it once.";

    @Override
    public String title() {
        return "Spawn cost";
    }

    @Override
    public List<String> benchmarks() {
        return METHODS.stream().map(m -> "SpawnBenchmark." + m).toList();
    }

    @Override
    public void plan(List<Source> sources, Charts charts) {
        List<BenchmarkResult> all = sources.stream().flatMap(s -> s.rows().stream())
                .sorted(Comparator.comparingInt(r -> Rows.order(METHODS, r.method()))).toList();
        for (List<BenchmarkResult> rows : Rows.groupBy(all, r -> r.primary().unit()).values()) {
            Set<String> varying = Rows.varyingParams(rows);
            List<Bar> bars = new ArrayList<>();
            for (BenchmarkResult r : rows) {
                String extra = Rows.paramLabel(r, varying);
                bars.add(Rows.bar(r.method() + (extra.isEmpty() ? "" : " (" + extra + ")"), r, Double.NaN));
            }
            Set<String> modes = new LinkedHashSet<>();
            rows.forEach(r -> modes.add(Rows.modeName(r.mode())));
            List<String> notes = modes.size() > 1
                    ? List.of("Modes: " + rows.stream().map(r -> r.method() + " " + Rows.modeName(r.mode())).distinct()
                            .collect(Collectors.joining(", ")) + "; each bar is a mean time per call.")
                    : List.of();
            charts.add(new BarChartSpec(charts.id("spawn"), "Spawn cost: starting a JVM" + Rows.constantSuffix(rows, varying),
                    "time per call (" + rows.get(0).primary().unit() + ", lower is better)", bars, TEXT,
                    Rows.sourceNames(sources), notes));
        }
    }
}
