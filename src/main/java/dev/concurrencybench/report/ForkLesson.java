package dev.concurrencybench.report;

import dev.concurrencybench.ab.Side;
import dev.concurrencybench.compare.Stats;
import dev.concurrencybench.report.DotChartSpec.Column;
import dev.concurrencybench.report.DotChartSpec.Strip;
import dev.concurrencybench.results.BenchmarkResult;
import dev.concurrencybench.results.ResultsFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Why JMH forks: each JVM settles at a speed level of its own and keeps it for its whole life, so
 * the forks of one row can differ by more than their iterations explain, and only more forks
 * average that out. For each benchmark class, a {@link DotChartSpec} with one column per row and
 * one dot per fork, from the rows the other lessons chart (the newest file that has them); rows
 * with a single fork show nothing and are left out. When the report has both sides of an
 * {@code ab} run ({@code base.json} and {@code new.json} in one folder), each column shows both,
 * side by side. Like {@link TrendLesson} it claims no benchmark: it draws every benchmark that has
 * forks to show.
 */
final class ForkLesson {

    /** More columns than this are split over several charts, so every column keeps room for its dots. */
    static final int MAX_COLUMNS = 16;

    static final String Y_AXIS = "fork mean / the row's median fork";

    /** The names ab gives each side's merged forks (ab/MergedResults), in the order the columns show them. */
    private static final List<String> AB_FILES = Arrays.stream(Side.values()).map(s -> s.label() + ".json").toList();

    private ForkLesson() {
    }

    /**
     * Adds the fork charts.
     *
     * @param runs   every file of the report, oldest first
     * @param newest the rows each lesson charts: per method and mode, the newest file's
     */
    static void plan(List<ResultsFile> runs, List<Source> newest, Charts charts) {
        Map<String, List<Source>> byClass = new LinkedHashMap<>();
        Map<String, List<ResultsFile>> filesOf = new LinkedHashMap<>();
        for (Source s : inReadingOrder(newest)) {
            List<ResultsFile> files = files(s.run(), runs);
            String benchmark = s.rows().get(0).benchmark();
            String key = benchmark.substring(0, Math.max(0, benchmark.lastIndexOf('.'))) + " "
                    + files.stream().map(f -> f.path().toString()).collect(Collectors.joining(" "));
            byClass.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
            filesOf.put(key, files);
        }
        byClass.forEach((key, sources) -> planClass(sources, filesOf.get(key), charts));
    }

    /**
     * The sources in the order the report tells their lessons, each lesson's methods in its
     * teaching order; benchmarks no lesson claims last, in the files' order.
     */
    private static List<Source> inReadingOrder(List<Source> sources) {
        Map<String, Lesson> claims = ChartPlanner.claims();
        // List.of's indexOf rejects null, the lesson of an unclaimed benchmark.
        Comparator<Source> byLesson = Comparator.comparingInt(s -> claims.containsKey(s.shortName())
                ? ChartPlanner.LESSONS.indexOf(claims.get(s.shortName())) : ChartPlanner.LESSONS.size());
        return sources.stream().sorted(byLesson.thenComparingInt(s -> claims.containsKey(s.shortName())
                ? Rows.order(claims.get(s.shortName()).benchmarks(), s.shortName()) : 0)).toList();
    }

    /** {@code run} alone, or both sides of its ab run (base first) when the report has the other one too. */
    static List<ResultsFile> files(ResultsFile run, List<ResultsFile> runs) {
        if (!AB_FILES.contains(run.name())) {
            return List.of(run);
        }
        Path folder = run.path().toAbsolutePath().getParent();
        List<ResultsFile> sides = new ArrayList<>();
        for (String name : AB_FILES) {
            if (name.equals(run.name())) {
                sides.add(run);
            } else {
                runs.stream().filter(r -> r.name().equals(name) && Objects.equals(folder, r.path().toAbsolutePath().getParent()))
                        .findFirst().ifPresent(sides::add);
            }
        }
        return sides;
    }

    /** The charts of one benchmark class, from {@code files}. */
    private static void planClass(List<Source> sources, List<ResultsFile> files, Charts charts) {
        List<BenchmarkResult> rows = sources.stream().flatMap(s -> s.rows().stream()).toList();
        long methods = rows.stream().map(BenchmarkResult::method).distinct().count();
        boolean byMode = rows.stream().map(r -> r.method() + " " + r.mode()).distinct().count() > methods;
        List<Column> columns = new ArrayList<>();
        int oneFork = 0;
        for (Source s : sources) {
            Set<String> varying = Rows.varyingParams(s.rows());
            for (BenchmarkResult r : s.rows()) {
                List<Strip> strips = files.stream().map(f -> strip(f, r)).toList();
                if (strips.stream().anyMatch(strip -> strip.forks().size() >= 2)) {
                    columns.add(new Column(label(r, varying, methods > 1, byMode), r.primary().unit(), strips));
                } else {
                    oneFork++;
                }
            }
        }
        if (columns.isEmpty()) {
            return;
        }
        String name = rows.get(0).className();
        String suffix = Rows.constantSuffix(rows, Rows.varyingParams(rows));
        List<String> fileNames = files.stream().map(f -> Runs.label(f, files)).toList();
        // Two sides that ran other javas or flags are named by them, in the title as in the legend.
        String sides = files.size() == 2 && !fileNames.equals(files.stream().map(ResultsFile::name).toList())
                ? ": " + fileNames.get(0) + " against " + fileNames.get(1) : "";
        int parts = (columns.size() + MAX_COLUMNS - 1) / MAX_COLUMNS;
        for (int p = 0; p < parts; p++) {
            List<Column> part = columns.subList(p * MAX_COLUMNS, Math.min(columns.size(), (p + 1) * MAX_COLUMNS));
            String of = parts == 1 ? "" : " (part " + (p + 1) + " of " + parts + ")";
            List<String> notes = p > 0 || oneFork == 0 ? List.of() : List.of(oneFork + (oneFork == 1 ? " row has" : " rows have")
                    + " a single fork here, which shows no fork-to-fork spread; " + (oneFork == 1 ? "it is" : "they are")
                    + " left out.");
            charts.addForks(new DotChartSpec(charts.id("forks " + name + (parts == 1 ? "" : " part " + (p + 1))),
                    "Fork levels: " + name + suffix + of + sides, Y_AXIS, fileNames, part, explanation(fileNames, part),
                    String.join(", ", files.stream().map(ResultsFile::name).toList()), notes));
        }
    }

    /** One file's forks of the row {@code r} names; no forks when the file lacks it. */
    private static Strip strip(ResultsFile file, BenchmarkResult r) {
        return file.results().stream().filter(o -> o.key().equals(r.key())).findFirst()
                .map(o -> new Strip(o.primary().rawData())).orElseGet(() -> new Strip(List.of()));
    }

    /**
     * A column's name: the params that vary within its method (a word alone, a number with its
     * name), after the method when the chart has several, and the mode when a method has several.
     */
    static String label(BenchmarkResult r, Set<String> varying, boolean method, boolean mode) {
        String params = varying.stream().filter(n -> r.param(n) != null)
                .map(n -> r.param(n).strip().matches("[-+0-9.,/ ]+") ? n + "=" + r.param(n) : r.param(n))
                .collect(Collectors.joining(", "));
        String label = ((method ? r.method() : "") + (mode ? " " + r.mode().label() : "") + " " + params).strip();
        return label.isEmpty() ? r.method() : label;
    }

    /**
     * The prose of a chart of {@code columns}, whose figures are the chart's own: per file, the
     * range over its rows of the slowest fork over the fastest, e.g. {@code a row's slowest fork
     * took 1.07x to 1.25x as long as its fastest (median 1.15x over 12 rows; widest: FIXED_POOL)}.
     * A rate's ratio is its times' turned over, so the slowest over the fastest is the highest fork
     * mean over the lowest in either unit.
     */
    static String explanation(List<String> files, List<Column> columns) {
        List<String> figures = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            List<Column> measured = measured(columns, i);
            if (measured.isEmpty()) {
                continue;
            }
            int file = i;
            double[] spreads = measured.stream().mapToDouble(col -> col.strips().get(file).spread()).toArray();
            boolean one = spreads.length == 1;
            String low = DotChartSpec.times(spreads[0]);
            String high = DotChartSpec.times(spreads[spreads.length - 1]);
            // Rows that all read the same, e.g. 1.00x for sleeps, need no range, median or widest.
            boolean same = !one && low.equals(high);
            String range = one || same ? low : low + " to " + high;
            String where = files.size() > 1 ? " in " + files.get(i) : "";
            String detail = one ? "" : same ? " (all " + spreads.length + " rows)"
                    : String.format(Locale.ROOT, " (median %s over %d rows; widest: %s)", DotChartSpec.times(
                            Stats.quantile(spreads, 0.5)), spreads.length, measured.get(measured.size() - 1).label());
            figures.add(figures.isEmpty()
                    ? (one ? "the slowest fork took " : "a row's slowest fork took ") + range + " as long as "
                            + (one ? "the" : "its") + " fastest" + where + detail
                    : range + where + detail);
        }
        return "Each dot is one JVM that JMH forked for the row: the mean of its measured iterations, over the"
                + " row's median fork; the faint dots are its iterations. A JVM keeps the speed level it settles at for its"
                + " whole life, so each dot sits at its own JVM's level, and their spread is fork-to-fork noise that"
                + " averages out only over more forks (-f), not longer ones: here " + String.join(", and ", figures) + ".";
    }

    /** The columns where file {@code file} has two or more forks, by their spread, narrowest first. */
    private static List<Column> measured(List<Column> columns, int file) {
        return columns.stream().filter(col -> Double.isFinite(col.strips().get(file).spread()))
                .sorted(Comparator.comparingDouble(col -> col.strips().get(file).spread())).toList();
    }
}
