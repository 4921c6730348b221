package dev.concurrencybench.report;

import static dev.concurrencybench.report.Fixtures.plan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concurrencybench.report.DotChartSpec.Column;
import dev.concurrencybench.results.AbSide;
import dev.concurrencybench.results.BenchmarkResult;
import dev.concurrencybench.results.Environment;
import dev.concurrencybench.results.Metric;
import dev.concurrencybench.results.ResultsFile;
import dev.concurrencybench.results.ResultsFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;

/** The fork levels: one dot per JVM, on hand-made rows, the committed reference run and a real ab run. */
class ForkLessonTest {

    /** A real ab run of CpuBoundBenchmark.fibList (the same jar on both sides, 6 min budget): 3 to 21 forks per row. */
    static final String AB_BASE = "ab-20261204T200643Z/base.json";
    static final String AB_NEW = "ab-20261204T200643Z/new.json";

    @TempDir
    Path tmp;

    /** {@code r} with these forks' iteration scores, as JMH writes rawData. */
    static BenchmarkResult withForks(BenchmarkResult r, List<List<Double>> rawData) {
        Metric m = r.primary();
        return new BenchmarkResult(r.benchmark(), r.mode(), r.threads(), rawData.size(), r.params(),
                new Metric(m.score(), m.scoreError(), m.unit(), rawData, List.of()), r.secondary(), r.vm());
    }

    static List<DotChartSpec> forkCharts(ChartPlanner.Plan plan) {
        return plan.charts().stream().filter(DotChartSpec.class::isInstance).map(DotChartSpec.class::cast).toList();
    }

    /** The IO rows of the fixture suite, with forks for three models (fork means 100/110/125, 50/55, 80/96) and one for the rest. */
    static List<BenchmarkResult> ioWithForks() {
        Map<String, List<List<Double>>> forks = Map.of(
                "SEQUENTIAL", List.of(List.of(100.0, 100.0), List.of(108.0, 112.0), List.of(120.0, 130.0)),
                "FIXED_POOL", List.of(List.of(50.0, 50.0), List.of(55.0, 55.0)),
                "PLATFORM_THREADS", List.of(List.of(80.0), List.of(96.0)));
        return Fixtures.ofClass(Fixtures.suite(), "IoBoundBenchmark").stream()
                .map(r -> forks.containsKey(r.param("model")) ? withForks(r, forks.get(r.param("model"))) : r).toList();
    }

    /** The slowest fork mean of {@code r} over its fastest, computed here from rawData. */
    static double spread(BenchmarkResult r) {
        double[] means = r.primary().rawData().stream().mapToDouble(f -> f.stream().mapToDouble(Double::doubleValue).average()
                .orElseThrow()).toArray();
        return Arrays.stream(means).max().orElseThrow() / Arrays.stream(means).min().orElseThrow();
    }

    static String times(double ratio) {
        return String.format(Locale.ROOT, "%.2fx", ratio);
    }

    /**
     * What the prose must say of these rows' spreads: {@code 1.07x to 1.25x as long as its fastest
     * (median 1.15x over 12 rows; widest: }, or {@code 1.00x as long as its fastest (all 5 rows)}
     * when they all read the same; {@code where} names the file when the chart has two.
     */
    static String figures(List<BenchmarkResult> rows, String where) {
        double[] s = rows.stream().mapToDouble(ForkLessonTest::spread).sorted().toArray();
        double median = s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
        String low = times(s[0]);
        String high = times(s[s.length - 1]);
        return low.equals(high) ? low + " as long as its fastest" + where + " (all " + s.length + " rows)"
                : low + " to " + high + " as long as its fastest" + where + " (median " + times(median) + " over " + s.length
                        + " rows; widest: ";
    }

    @Test
    void filesWithOneForkPerRowGetNoForkChart() throws IOException {
        assertEquals(List.of(), forkCharts(plan(Fixtures.run("suite.json", Fixtures.suite(), 2, "21.0.5"))));
        List<Path> real = ResultsFiles.list(ReportCommandTest.resource(ReportCommandTest.CPU_IO).getParent()).toList();
        assertTrue(real.size() >= 8, real.toString());
        for (Path file : real) {
            ResultsFile run = ResultsFile.read(file);
            assertTrue(run.results().stream().allMatch(r -> r.primary().forkCount() == 1), file + " is not a one-fork file");
            assertEquals(List.of(), forkCharts(plan(run)), file.toString());
        }
    }

    @Test
    void rowsWithForksGetAColumnEachAndOneDotPerFork() {
        ChartPlanner.Plan plan = plan(Fixtures.run("io.json", ioWithForks(), 2, "21.0.5"));
        DotChartSpec chart = forkCharts(plan).get(0);
        assertEquals(1, forkCharts(plan).size());
        assertEquals("forks-ioboundbenchmark", chart.id());
        assertEquals(List.of("io.json"), chart.files());
        assertEquals(List.of("SEQUENTIAL", "PLATFORM_THREADS", "FIXED_POOL"), chart.columns().stream().map(Column::label).toList());
        assertEquals(List.of(3, 2, 2), chart.columns().stream().map(c -> c.strips().get(0).forks().size()).toList());
        assertEquals(List.of("8 rows have a single fork here, which shows no fork-to-fork spread; they are left out."),
                chart.notes());
        // After the benchmark's own chart.
        List<String> ids = plan.charts().stream().map(ChartSpec::id).toList();
        assertTrue(ids.indexOf(chart.id()) > ids.indexOf("io-sleepms-100-tasks-10"), ids.toString());
        // Normalised to the row's median fork: 110 for SEQUENTIAL, the mean of 50 and 55 for FIXED_POOL.
        assertEquals(110, chart.columns().get(0).median(), 1e-9);
        assertEquals(52.5, chart.columns().get(2).median(), 1e-9);
    }

    @Test
    void theProseAndTableFiguresAreTheRowsOwn() {
        DotChartSpec chart = forkCharts(plan(Fixtures.run("io.json", ioWithForks(), 2, "21.0.5"))).get(0);
        // Spreads 125/100, 96/80 and 55/50.
        assertTrue(chart.explanation().contains("here a row's slowest fork took 1.10x to 1.25x as long as its fastest"
                + " (median 1.20x over 3 rows; widest: SEQUENTIAL)."), chart.explanation());
        Tables.Table table = Tables.of(chart);
        // Within a fork: 100/100, 112/108 and 130/120, median 1.04x.
        assertEquals(List.of("SEQUENTIAL", "ms/op", "3", "100", "110", "125", "1.25x", "1.04x"), table.rows().get(0));
        // One iteration per fork: no spread within a fork to show.
        assertEquals(List.of("PLATFORM_THREADS", "ms/op", "2", "80", "88", "96", "1.20x", "n/a"), table.rows().get(1));

        // A rate: the slower fork made fewer operations per second, and the ratio is the same.
        BenchmarkResult counter = withForks(Fixtures.counter("across").get(0), List.of(List.of(10.0), List.of(8.0)));
        DotChartSpec rate = forkCharts(plan(Fixtures.run("c.json", List.of(counter), 2, "21"))).get(0);
        assertTrue(rate.explanation().contains("here the slowest fork took 1.25x as long as the fastest."), rate.explanation());
    }

    @Test
    void aBenchmarkNoLessonClaimsIsShownTooAndManyRowsAreSplit() {
        List<BenchmarkResult> rows = IntStream.rangeClosed(1, ForkLesson.MAX_COLUMNS + 4)
                .mapToObj(n -> withForks(Fixtures.ss("OtherBenchmark.run", Fixtures.params("n", "" + n), n, 0.1),
                        List.of(List.of(n * 1.0), List.of(n * 1.1))))
                .toList();
        // Listed first in the file, charted after the benchmarks the lessons tell.
        List<BenchmarkResult> file = new ArrayList<>(rows);
        file.addAll(ioWithForks());
        List<DotChartSpec> charts = forkCharts(plan(Fixtures.run("other.json", file, 2, "21")));
        assertEquals(List.of("forks-ioboundbenchmark", "forks-otherbenchmark-part-1", "forks-otherbenchmark-part-2"),
                charts.stream().map(DotChartSpec::id).toList());
        assertEquals(List.of(3, ForkLesson.MAX_COLUMNS, 4), charts.stream().map(c -> c.columns().size()).toList());
        assertEquals("Fork levels: OtherBenchmark (part 2 of 2)", charts.get(2).title());
        assertEquals("n=17", charts.get(2).columns().get(0).label());
        assertTrue(charts.get(2).explanation().contains("1.10x as long as its fastest (all 4 rows)"), charts.get(2).explanation());
    }

    @Test
    void theReferenceRunShowsEveryForkOfEveryRow() throws IOException {
        ResultsFile run = ResultsFile.read(ReportCommandTest.REFERENCE);
        List<DotChartSpec> charts = forkCharts(plan(run));
        // One chart per class, in the order the report tells the lessons.
        assertEquals(List.of("forks-cpuboundbenchmark", "forks-ioboundbenchmark", "forks-ioscalingbenchmark",
                "forks-pinningbenchmark", "forks-asyncbenchmark", "forks-spawnbenchmark", "forks-counterbenchmark"),
                charts.stream().map(DotChartSpec::id).toList());
        for (DotChartSpec chart : charts) {
            List<BenchmarkResult> rows = run.results().stream()
                    .filter(r -> chart.id().equals("forks-" + r.className().toLowerCase(Locale.ROOT))).toList();
            assertEquals(rows.size(), chart.columns().size(), chart.id());
            // Every row has 3 or 5 forks in this file; each is one dot.
            assertEquals(rows.stream().mapToInt(r -> r.primary().forkCount()).sum(), dots(chart, 0), chart.id());
            assertTrue(chart.explanation().contains("here a row's slowest fork took " + figures(rows, "")),
                    chart.id() + ": " + chart.explanation());
            assertDrawn(chart);
        }
    }

    @Test
    void anAbRunShowsBothSidesSideBySideBaseFirst() {
        ResultsFile base = ResultsFile.read(ReportCommandTest.resource(AB_BASE));
        ResultsFile next = ResultsFile.read(ReportCommandTest.resource(AB_NEW));
        for (List<ResultsFile> given : List.of(List.of(base, next), List.of(next, base))) {
            List<DotChartSpec> charts = forkCharts(ChartPlanner.plan(given, null));
            assertEquals(1, charts.size());
            DotChartSpec chart = charts.get(0);
            assertEquals(List.of("base.json", "new.json"), chart.files());
            assertEquals("base.json, new.json", chart.source());
            assertEquals(base.results().size(), chart.columns().size());
            for (int side = 0; side < 2; side++) {
                List<BenchmarkResult> rows = (side == 0 ? base : next).results();
                int s = side;
                assertEquals(rows.stream().map(r -> r.primary().forkCount()).toList(),
                        chart.columns().stream().map(c -> c.strips().get(s).forks().size()).toList());
            }
            assertTrue(chart.explanation().contains("here a row's slowest fork took " + figures(base.results(), " in base.json"))
                    && chart.explanation().contains(", and " + figures(next.results(), " in new.json")
                            .replace(" as long as its fastest", "")), chart.explanation());
            assertEquals("file", Tables.of(chart).header().get(1));
            assertDrawn(chart);
        }
        // One side alone is charted alone.
        assertEquals(List.of("new.json"), forkCharts(plan(next)).get(0).files());
    }

    /** One side of an ab run of one jar, as its sidecar records it. */
    private static ResultsFile onSide(ResultsFile run, String role, String home, String build, List<String> flags) {
        AbSide side = new AbSide(role, "/w/benchmarks.jar", null, home, build.replaceAll("\\+.*", ""), "Eclipse Adoptium",
                build, "OpenJDK 64-Bit Server VM", flags);
        Environment env = run.environment().orElseGet(() -> Fixtures.sidecar(2, "2026-12-04T20:06:43Z"));
        return new ResultsFile(run.path(), run.results(), Optional.of(env.withAbSide(side)));
    }

    @Test
    void twoJavasOrTwoFlagSetsNameTheSidesInsteadOfBaseAndNew() {
        ResultsFile base = ResultsFile.read(ReportCommandTest.resource(AB_BASE));
        ResultsFile next = ResultsFile.read(ReportCommandTest.resource(AB_NEW));
        List<ResultsFile> javas = List.of(onSide(base, "base", "/jdk/21", "21.0.5+11-LTS", List.of()),
                onSide(next, "new", "/jdk/25", "25.0.3+9-LTS", List.of()));
        ChartPlanner.Plan plan = ChartPlanner.plan(javas, null);
        DotChartSpec forks = forkCharts(plan).get(0);
        assertEquals(List.of("JDK 21.0.5+11-LTS", "JDK 25.0.3+9-LTS"), forks.files(), "the legend");
        assertTrue(forks.title().endsWith(": JDK 21.0.5+11-LTS against JDK 25.0.3+9-LTS"), forks.title());
        assertEquals("base.json, new.json", forks.source(), "the files are still named where they come from");
        assertTrue(forks.explanation().contains(" in JDK 21.0.5+11-LTS (median"), forks.explanation());
        LineChartSpec trend = Fixtures.chart(plan, LineChartSpec.class, Fixtures.idStarts("trend"));
        assertEquals(List.of("JDK 21.0.5+11-LTS", "JDK 25.0.3+9-LTS"), trend.xTickLabels());

        List<ResultsFile> flags = List.of(onSide(base, "base", "/jdk/25", "25.0.3+9-LTS", List.of()),
                onSide(next, "new", "/jdk/25", "25.0.3+9-LTS", List.of("-XX:+UseSerialGC")));
        assertEquals(List.of("default flags", "flags -XX:+UseSerialGC"), forkCharts(ChartPlanner.plan(flags, null)).get(0).files());

        List<ResultsFile> same = List.of(onSide(base, "base", "/jdk/25", "25.0.3+9-LTS", List.of()),
                onSide(next, "new", "/jdk/25", "25.0.3+9-LTS", List.of()));
        DotChartSpec aa = forkCharts(ChartPlanner.plan(same, null)).get(0);
        assertEquals(List.of("base.json", "new.json"), aa.files(), "nothing tells them apart but the file");
        assertTrue(!aa.title().contains("against"), aa.title());
    }

    @Test
    void filesNamedLikeAbSidesInOtherFoldersAreNotPaired() {
        List<BenchmarkResult> io = ioWithForks();
        ResultsFile base = Fixtures.run("one/base.json", io, 2, "21");
        ResultsFile next = Fixtures.run("two/new.json", io, 2, "21");
        assertEquals(List.of(next), ForkLesson.files(next, List.of(base, next)));
        ResultsFile sibling = Fixtures.run("two/base.json", io, 2, "21");
        assertEquals(List.of(sibling, next), ForkLesson.files(next, List.of(base, sibling, next)));
        assertEquals(List.of("base.json", "new.json"), forkCharts(plan(sibling, next)).get(0).files());
    }

    @Test
    void theReportOfAnAbRunIsCompleteAndLoadsOnlyLocalFiles() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("ab-run"));
        for (String name : List.of("base.json", "base.env.json", "new.json", "new.env.json")) {
            Files.copy(ReportCommandTest.resource("ab-20261204T200643Z/" + name), dir.resolve(name));
        }
        Path out = tmp.resolve("report");
        ReportCommandTest.Outcome o = ReportCommandTest.report(dir.resolve("base.json").toString(),
                dir.resolve("new.json").toString(), "-o", out.toString());
        assertEquals(0, o.code(), o.err());
        List<ResultsFile> runs = List.of(ResultsFile.read(dir.resolve("base.json")), ResultsFile.read(dir.resolve("new.json")));
        ReportCommandTest.assertCompleteReport(out, ReportCommandTest.expectedFiles(runs));
        ReportCommandTest.assertLocalLinks(out, out.resolve(Report.HTML), ReportCommandTest.HTML_LINK);
        ReportCommandTest.assertLocalLinks(out, out.resolve(Report.MARKDOWN), ReportCommandTest.MD_LINK);
        String html = Files.readString(out.resolve(Report.HTML));
        assertTrue(html.contains("<img src=\"forks-cpuboundbenchmark.png\""), "the fork chart is on the page");
        assertTrue(html.contains("averages out only over more forks"), "with its prose");
    }

    /** The dots of file {@code file} in the chart. */
    static int dots(DotChartSpec chart, int file) {
        return chart.columns().stream().mapToInt(c -> c.strips().get(file).forks().size()).sum();
    }

    /**
     * The drawn chart has one dot per fork in each file's series and one faint dot per iteration,
     * each fork in a slot of its own, a file's strip left of the next file's in every column.
     */
    static void assertDrawn(DotChartSpec spec) {
        CategoryChart chart = DotChartRenderer.chart(spec);
        List<CategorySeries> series = new ArrayList<>(chart.getSeriesMap().values());
        int iterations = spec.columns().stream().flatMap(c -> c.strips().stream()).flatMap(s -> s.forks().stream())
                .mapToInt(List::size).sum();
        assertEquals(iterations, series.stream().filter(s -> s.getName().contains("iteration") && !s.getName().contains("one JVM"))
                .mapToLong(s -> s.getYData().stream().filter(Objects::nonNull).count()).sum(), spec.id());
        for (int f = 0; f < spec.files().size(); f++) {
            String file = spec.files().get(f);
            CategorySeries forks = series.stream().filter(s -> s.getName().contains("one JVM")
                    && (spec.files().size() == 1 || s.getName().startsWith(file))).findFirst().orElseThrow();
            assertEquals(dots(spec, f), forks.getYData().stream().filter(Objects::nonNull).count(), spec.id() + " " + file);
        }
        for (int c = 0; c < spec.columns().size(); c++) {
            int column = c;
            List<Integer> slots = new ArrayList<>();
            for (int s = 0; s < spec.files().size(); s++) {
                int strip = s;
                int forks = spec.columns().get(c).strips().get(s).forks().size();
                IntStream.range(0, forks).forEach(k -> slots.add(DotChartRenderer.slot(spec, column, strip, k, forks)));
            }
            assertEquals(slots.stream().sorted().toList(), slots, "slots in order: " + slots);
            assertEquals(slots.size(), slots.stream().distinct().count(), "a slot per fork: " + slots);
        }
    }
}
