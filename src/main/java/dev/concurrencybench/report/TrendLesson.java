package dev.concurrencybench.report;

import dev.concurrencybench.report.LineChartSpec.Marker;
import dev.concurrencybench.report.LineChartSpec.Point;
import dev.concurrencybench.report.LineChartSpec.Series;
import dev.concurrencybench.results.BenchmarkResult;
import dev.concurrencybench.results.ResultsFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Each benchmark's score across the results files, oldest first, for every benchmark in two or
 * more of them, with a marker where the environment changed. Unlike the other lessons it reads
 * every file, not only the newest rows, and it claims no benchmark: every one gets a trend.
 */
final class TrendLesson {

    static final String TEXT = "Each row's score across the results files, oldest first. A dashed"
            + " vertical line marks a change of environment (CPU, cores, OS, JDK or JVM flags), where a jump need not"
            + " be a regression.";

    private TrendLesson() {
    }

    /** What identifies a benchmark across files: its method and mode. */
    private static String key(BenchmarkResult r) {
        return r.benchmark() + "|" + r.mode().label();
    }

    static void plan(List<ResultsFile> runs, Charts charts) {
        if (runs.size() < 2) {
            charts.note("Trend charts need two or more results files; this report has one.");
            return;
        }
        List<String> runLabels = runs.stream().map(r -> Runs.label(r, runs)).toList();
        List<Marker> markers = new ArrayList<>();
        for (int i = 1; i < runs.size(); i++) {
            String change = Runs.changesSince(runs.get(i), runs.get(i - 1));
            if (!change.isEmpty()) {
                // Between run i and run i+1 (1-based x positions).
                markers.add(new Marker(i + 0.5, change));
            }
        }
        List<String> notes = markers.isEmpty() ? List.of("No environment change between these runs.")
                : markers.stream().map(m -> "Environment change before file " + (int) (m.x() + 0.5) + ": " + m.label()).toList();
        Map<String, List<BenchmarkResult>> all = new LinkedHashMap<>();
        runs.forEach(run -> run.results().forEach(r -> all.computeIfAbsent(key(r), k -> new ArrayList<>()).add(r)));
        int trends = 0;
        for (List<BenchmarkResult> everyRow : all.values()) {
            String key = key(everyRow.get(0));
            if (runs.stream().filter(run -> run.results().stream().anyMatch(r -> key(r).equals(key))).count() >= 2) {
                charts.addTrend(trend(runs, key, everyRow, runLabels, markers, notes, charts));
                trends++;
            }
        }
        if (trends == 0) {
            charts.note("No benchmark appears in more than one of these results files, so there are no trend charts.");
        }
    }

    private static LineChartSpec trend(List<ResultsFile> runs, String key, List<BenchmarkResult> everyRow,
                                       List<String> runLabels, List<Marker> markers, List<String> notes, Charts charts) {
        BenchmarkResult first = everyRow.get(0);
        Set<String> varying = Rows.varyingParams(everyRow);
        Map<String, List<Point>> lines = new LinkedHashMap<>();
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (int i = 0; i < runs.size(); i++) {
            for (BenchmarkResult r : runs.get(i).results()) {
                if (!key(r).equals(key)) {
                    continue;
                }
                String label = Rows.paramLabel(r, varying);
                double score = r.primary().score();
                lines.computeIfAbsent(label.isEmpty() ? r.method() : label, k -> new ArrayList<>())
                        .add(new Point(i + 1, score, r.primary().scoreError()));
                if (Double.isFinite(score) && score > 0) {
                    min = Math.min(min, score);
                    max = Math.max(max, score);
                }
            }
        }
        List<Series> series = lines.entrySet().stream().map(e -> new Series(e.getKey(), e.getValue(), false)).toList();
        // Rows that differ by orders of magnitude (1 task against 10,000) need a log axis to be seen.
        boolean logY = max > 0 && max / min > 20;
        String name = first.shortName() + " " + first.mode().label();
        return new LineChartSpec(charts.id("trend " + name),
                "Trend: " + first.shortName() + " (" + Rows.modeName(first.mode()) + ")" + Rows.constantSuffix(everyRow, varying),
                "results file, oldest first (names in the table)", Rows.axisTitle(first) + (logY ? " (log scale)" : ""),
                false, logY, series, runLabels, markers, TEXT, String.join(", ", runs.stream().map(ResultsFile::name).toList()), notes);
    }
}
