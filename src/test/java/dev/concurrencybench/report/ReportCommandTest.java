package dev.concurrencybench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concurrencybench.results.BenchmarkResult;
import dev.concurrencybench.results.Metric;
import dev.concurrencybench.results.ResultsFile;
import dev.concurrencybench.usage.Scope;
import dev.concurrencybench.usage.UsageMetric;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report subcommand end to end, on results files this project produced and on bad input. */
class ReportCommandTest {

    /** CpuBoundBenchmark and IoBoundBenchmark, 1 fork, 2 iterations (NaN errors), no sidecar. */
    static final String CPU_IO = "cpu-io-real.json";
    /** PinningBenchmark, AsyncBenchmark and IoScalingBenchmark, 1 fork, 2 iterations, with its sidecar. */
    static final String SCALING = "20261127T001932Z-full-PinningBenchmark+AsyncBenchmark+IoScalingBenchmark.json";

    /** CounterBenchmark (issue 4's build), 1 fork, 2 iterations of 300 ms: speed plus made/kept counts. */
    static final String COUNTER = "counter-real.json";
    /** SpawnBenchmark (issue 3's build), 1 fork, 1 iteration: single shots and sampled round trips. */
    static final String SPAWN = "spawn-real.json";

    /**
     * CpuBoundBenchmark.fibList* and IoBoundBenchmark, five models, 1 fork, 2 iterations, with -prof cpu from
     * /proc and its sidecar, whose core checks both say unsteady (a busy shared machine):
     * {@code java -jar target/benchmarks.jar 'CpuBoundBenchmark.fibList|IoBoundBenchmark'
     * -p model=SEQUENTIAL,FIXED_POOL,VIRTUAL_THREADS,PROCESS_POOL,PROCESS_PER_TASK -f 1 -wi 1 -i 2}.
     */
    static final String PROFILED_CPU_IO = "20261128T084408Z-full-CpuBoundBenchmark.fibList_IoBoundBenchmark.json";
    /**
     * IoScalingBenchmark, PLATFORM_THREADS and VIRTUAL_THREADS at 100, 1,000 and 10,000 tasks and virtualThreads100k,
     * 1 fork, 2 iterations, with -prof cpu and its sidecar:
     * {@code ... IoScalingBenchmark -p model=PLATFORM_THREADS,VIRTUAL_THREADS -f 1 -wi 1 -i 2}.
     */
    static final String PROFILED_SCALING = "20261128T084435Z-full-IoScalingBenchmark.json";
    /**
     * As {@link #PROFILED_CPU_IO} for SEQUENTIAL, FIXED_POOL and PROCESS_POOL, 1 iteration, with the profiler's
     * fallback ({@code -prof 'cpu:proc=EMPTY_DIR'}): units "(jvm only)". Its checks: unsteady before, equal after.
     */
    static final String JVM_ONLY_CPU_IO = "20261128T084750Z-full-CpuBoundBenchmark.fibList_IoBoundBenchmark.json";
    /** IoScalingBenchmark.sleepTasks at 100 and 1,000 tasks with the fallback, 1 iteration. */
    static final String JVM_ONLY_SCALING = "20261128T084802Z-full-IoScalingBenchmark.sleepTasks.json";

    /**
     * The notebook's exercises in Python, every benchmark, 1 process, 1 call, with its sidecar, on a busy shared
     * machine whose other core was taken (so its processes show no speed-up):
     * {@code java -jar target/benchmarks.jar python -f 1 -wi 0 -i 1}.
     */
    static final String PYTHON = "20261204T204058Z-python.json";

    /** The committed reference run and its report, made with this build (docs/report.md). */
    static final Path REFERENCE = Path.of("results/reference/20261128T103631Z-full-all.json");
    static final Path REFERENCE_REPORT = Path.of("results/reference/report");

    @TempDir
    Path tmp;

    record Outcome(int code, String out, String err) {
    }

    static Path resource(String name) {
        try {
            return Path.of(ReportCommandTest.class.getResource(name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new AssertionError("missing test resource " + name, e);
        }
    }

    static Outcome report(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ReportCommand.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    /** What the report must contain for these runs: a PNG and an SVG per planned chart, the page and the summary. */
    static Set<String> expectedFiles(List<ResultsFile> runs) {
        Set<String> names = new TreeSet<>(Set.of(Report.HTML, Report.MARKDOWN));
        for (ChartSpec c : ChartPlanner.plan(runs, null).charts()) {
            names.add(c.id() + ".png");
            names.add(c.id() + ".svg");
        }
        return names;
    }

    static Set<String> filesIn(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** Every file is there and non-empty, PNGs decode at the chart size, SVGs are SVG. */
    static void assertCompleteReport(Path dir, Set<String> expected) throws IOException {
        assertEquals(expected, filesIn(dir));
        for (String name : expected) {
            Path f = dir.resolve(name);
            assertTrue(Files.size(f) > 0, name + " is empty");
            if (name.endsWith(".png")) {
                BufferedImage img = ImageIO.read(f.toFile());
                assertNotNull(img, name + " does not decode");
                assertEquals(ChartRenderer.WIDTH, img.getWidth(), name);
                assertEquals(ChartRenderer.HEIGHT, img.getHeight(), name);
            } else if (name.endsWith(".svg")) {
                String svg = Files.readString(f, StandardCharsets.UTF_8);
                assertTrue(svg.contains("<svg") && svg.strip().endsWith("</svg>"), name + " is not a whole SVG");
            }
        }
    }

    static final Pattern HTML_LINK = Pattern.compile("(?:src|href)\\s*=\\s*\"([^\"]*)\"");
    static final Pattern MD_LINK = Pattern.compile("\\]\\(([^)]*)\\)");

    /** Links are local files that exist (or anchors on the page); nothing is loaded from outside. */
    static void assertLocalLinks(Path dir, Path page, Pattern link) throws IOException {
        String text = Files.readString(page, StandardCharsets.UTF_8);
        assertFalse(text.contains("http://") || text.contains("https://"), page + " names a web address");
        assertFalse(text.contains("@import") || text.contains("url("), page + " loads a stylesheet resource");
        Matcher m = link.matcher(text);
        int links = 0;
        while (m.find()) {
            String target = m.group(1);
            links++;
            if (target.startsWith("#")) {
                assertTrue(text.contains("id=\"" + target.substring(1) + "\""), "anchor " + target + " is missing");
                continue;
            }
            assertFalse(target.contains(":") || target.startsWith("/") || target.startsWith("//"), "not local: " + target);
            assertTrue(Files.isRegularFile(dir.resolve(target)), page.getFileName() + " links to missing " + target);
        }
        assertTrue(links > 0, page + " has no links at all");
    }

    @Test
    void aSidecarNamedBesideItsResultsFileIsPassedOver() {
        Path results = Path.of("r", "20261128T000000Z-full-all.json");
        Path sidecar = Path.of("r", "20261128T000000Z-full-all.env.json");
        assertEquals(List.of(results), ReportCommand.expand(List.of(sidecar, results)), "as a shell's results/* names them");
        assertEquals(List.of(sidecar), ReportCommand.expand(List.of(sidecar)), "alone it is kept, and then rejected with one line");
    }

    @Test
    void reportsRealResultsFilesCompletely() throws IOException {
        Path out = tmp.resolve("out");
        Outcome o = report(resource(CPU_IO).toString(), resource(SCALING).toString(), "-o", out.toString());
        assertEquals(0, o.code(), o.err());
        assertEquals("", o.err());
        assertTrue(o.out().contains("index.html"), o.out());

        List<ResultsFile> runs = List.of(ResultsFile.read(resource(CPU_IO)), ResultsFile.read(resource(SCALING)));
        Set<String> expected = expectedFiles(runs);
        for (String prefix : List.of("cpu-", "io-", "scaling-", "pinning-", "async-")) {
            assertTrue(expected.stream().anyMatch(n -> n.startsWith(prefix) && n.endsWith(".png")), prefix + " chart: " + expected);
        }
        assertCompleteReport(out, expected);
        assertLocalLinks(out, out.resolve(Report.HTML), HTML_LINK);
        assertLocalLinks(out, out.resolve(Report.MARKDOWN), MD_LINK);

        String html = Files.readString(out.resolve(Report.HTML));
        assertTrue(html.contains("No environment sidecar"), "the run without a sidecar is flagged");
        assertTrue(html.contains("AMD EPYC") && html.contains("25.0.3"), "the sidecar's environment is listed");
        assertTrue(html.contains("no GIL"), "the CPU lesson is explained");
        assertFalse(html.contains("<script"), "no scripts");
    }

    @Test
    void realPythonResultsAreDrawnBesideJavasInTheCpuIoAndAsyncCharts() throws IOException {
        Path out = tmp.resolve("python");
        List<String> files = List.of(resource(PROFILED_CPU_IO).toString(), resource(SCALING).toString(), resource(PYTHON).toString());
        Outcome o = report(files.get(0), files.get(1), files.get(2), "-o", out.toString());
        assertEquals(0, o.code(), o.err());
        List<ResultsFile> runs = ReportCommand.inTimeOrder(files.stream().map(f -> ResultsFile.read(Path.of(f))).toList());
        Set<String> expected = expectedFiles(runs);
        assertCompleteReport(out, expected);
        assertLocalLinks(out, out.resolve(Report.HTML), HTML_LINK);
        assertLocalLinks(out, out.resolve(Report.MARKDOWN), MD_LINK);
        assertTrue(expected.stream().anyMatch(n -> n.startsWith("speedup-cpu-")), expected.toString());

        ChartPlanner.Plan plan = ChartPlanner.plan(runs, null);
        for (String lesson : List.of("cpu-", "speedup-cpu-", "cores-cpu-", "io-", "cores-io-", "async-")) {
            BarChartSpec c = plan.charts().stream().filter(x -> x.id().startsWith(lesson)).map(BarChartSpec.class::cast)
                    .findFirst().orElseThrow();
            assertEquals(List.of("Java", "Python"), c.bars().stream().map(BarChartSpec.Bar::tag).distinct().toList(), lesson);
        }
        String html = Files.readString(out.resolve(Report.HTML));
        assertTrue(html.contains("Python: ThreadPoolExecutor") && html.contains("Measured speed-ups over each language"), "both");
        assertTrue(html.contains("CPython 3.11.7, GIL on, fork start"), "the interpreter is listed with the run");
        assertFalse(html.contains("<script"), "no scripts");
        assertTrue(plan.charts().stream().noneMatch(c -> c.explanation().equals(GenericLesson.TEXT)), "no row left generic");
    }

    @Test
    void chartDataMatchesTheRealFile() {
        ResultsFile run = ResultsFile.read(resource(CPU_IO));
        ChartPlanner.Plan plan = ChartPlanner.plan(List.of(run), null);
        BarChartSpec cpu = plan.charts().stream().filter(c -> c.id().startsWith("cpu")).map(BarChartSpec.class::cast)
                .findFirst().orElseThrow();
        List<BenchmarkResult> rows = Fixtures.ofClass(run.results(), "CpuBoundBenchmark");
        assertEquals(rows.stream().map(r -> r.primary().score()).toList(), cpu.bars().stream().map(BarChartSpec.Bar::value).toList());
        // Two iterations in one fork: JMH wrote "NaN" for every error.
        assertTrue(cpu.bars().stream().allMatch(b -> Double.isNaN(b.error())));
        double seq = Fixtures.row(rows, "fibList", "model", "SEQUENTIAL").primary().score();
        assertEquals(seq / 2, cpu.bars().get(1).ideal(), 1e-9);
        // No sidecar: two cores assumed, and said so.
        assertTrue(plan.notes().stream().anyMatch(n -> n.contains(CPU_IO) && n.contains("assume 2")), plan.notes().toString());
    }

    @Test
    void realCounterResultsShowSpeedNextToTheMeasuredKeptShare() throws IOException {
        ResultsFile run = ResultsFile.read(resource(COUNTER));
        BarChartSpec counter = ChartPlanner.plan(List.of(run), null).charts().stream()
                .filter(c -> c.id().startsWith("counter")).map(BarChartSpec.class::cast).findFirst().orElseThrow();
        assertEquals(run.results().size(), counter.bars().size());
        for (BenchmarkResult m : run.results()) {
            // This file predates the rename of the counter's 'mode' param to 'across'.
            assertEquals(null, m.param(CounterLesson.ACROSS));
            BarChartSpec.Bar b = counter.bars().stream()
                    .filter(x -> x.label().equals(m.param("variant") + " / " + m.param("mode"))).findFirst().orElseThrow();
            assertEquals(m.secondary("made").score(), b.value());
            assertEquals(CounterLesson.exactness(m.param("variant"), m.param("mode")).label(), b.tag());
            assertTrue(!b.tag().equals(CounterLesson.Exactness.UNKNOWN.label()), b.label());
            double share = m.secondary("kept").score() / m.secondary("made").score();
            assertEquals("kept " + CounterLesson.keptPercent(share) + "%", b.remark());
            // What the benchmark measured agrees with what the report documents.
            if (b.tag().equals("exact")) {
                assertEquals("kept 100%", b.remark(), b.label());
            }
        }
        Path out = tmp.resolve("counter");
        assertEquals(0, report(resource(COUNTER).toString(), "-o", out.toString()).code());
        assertCompleteReport(out, expectedFiles(List.of(run)));
    }

    @Test
    void realSpawnResultsOfTwoModesShareOneChart() throws IOException {
        ResultsFile run = ResultsFile.read(resource(SPAWN));
        List<BarChartSpec> spawn = ChartPlanner.plan(List.of(run), null).charts().stream()
                .filter(c -> c.id().startsWith("spawn")).map(BarChartSpec.class::cast).toList();
        assertEquals(1, spawn.size());
        assertEquals(List.of("bareJvm (DEFAULT)", "bareJvm (LEAN)", "workerSpawn (DEFAULT)", "workerSpawn (LEAN)",
                "pooledRoundTrip (DEFAULT)", "pooledRoundTrip (LEAN)"), spawn.get(0).bars().stream().map(BarChartSpec.Bar::label).toList());
        for (BenchmarkResult m : run.results()) {
            assertTrue(spawn.get(0).bars().stream().anyMatch(b -> b.value() == m.primary().score()), m.toString());
        }
        assertTrue(spawn.get(0).yAxis().contains("us/op"), spawn.get(0).yAxis());
        Path out = tmp.resolve("spawn");
        assertEquals(0, report(resource(SPAWN).toString(), "-o", out.toString()).code());
        assertCompleteReport(out, expectedFiles(List.of(run)));
    }

    @Test
    void aSingleFileMakesNoTrendButAWholeReport() throws IOException {
        Path out = tmp.resolve("single");
        Outcome o = report(resource(SCALING).toString(), "-o", out.toString());
        assertEquals(0, o.code(), o.err());
        Set<String> expected = expectedFiles(List.of(ResultsFile.read(resource(SCALING))));
        assertTrue(expected.stream().noneMatch(n -> n.startsWith("trend")));
        assertCompleteReport(out, expected);
        assertTrue(Files.readString(out.resolve(Report.MARKDOWN)).contains("Trend charts need two or more results files"));
    }

    @Test
    void aDirectoryStandsForItsResultsFilesAndTwoRunsMakeTrends() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("results"));
        // The same real file twice, under names that sort by time, with and without its sidecar.
        Files.copy(resource(SCALING), dir.resolve("20260101T000000Z-full-all.json"));
        Files.copy(resource(SCALING), dir.resolve("20260102T000000Z-full-all.json"));
        Files.copy(resource(SCALING.replace(".json", ".env.json")), dir.resolve("20260102T000000Z-full-all.env.json"));
        Outcome o = report(dir.toString());
        assertEquals(0, o.code(), o.err());
        Path out = dir.resolve("20260102T000000Z-full-all-report");
        assertTrue(Files.isDirectory(out), "default output beside the newest file");
        Set<String> names = filesIn(out);
        assertTrue(names.stream().anyMatch(n -> n.startsWith("trend-ioscalingbenchmark-sleeptasks")), names.toString());
        assertLocalLinks(out, out.resolve(Report.HTML), HTML_LINK);
    }

    @Test
    void edgeCasesFromHandMadeFilesStillMakeAReport() throws IOException {
        Path file = tmp.resolve("odd.json");
        Files.writeString(file, """
                [
                  {"jmhVersion": "1.37", "benchmark": "org.example.Unknown.thing", "mode": "avgt", "threads": 1, "forks": 1,
                   "jdkVersion": "21.0.5", "vmName": "OpenJDK 64-Bit Server VM", "jvmArgs": [],
                   "primaryMetric": {"score": 12.5, "scoreError": "NaN", "scoreUnit": "us/op", "rawData": [[12.5]]},
                   "secondaryMetrics": {}},
                  {"jmhVersion": "1.37", "benchmark": "dev.concurrencybench.bench.IoBoundBenchmark.sleepTasks", "mode": "ss",
                   "threads": 1, "forks": 1, "jdkVersion": "21.0.5", "jvmArgs": [],
                   "params": {"model": "SEQUENTIAL"},
                   "primaryMetric": {"score": "NaN", "scoreError": "NaN", "scoreUnit": "ms/op", "rawData": [["NaN"]]},
                   "secondaryMetrics": {}}
                ]
                """);
        Path out = tmp.resolve("odd-out");
        Outcome o = report(file.toString(), "-o", out.toString());
        assertEquals(0, o.code(), o.err());
        assertCompleteReport(out, expectedFiles(List.of(ResultsFile.read(file))));
        assertTrue(Files.readString(out.resolve(Report.MARKDOWN)).contains("n/a"));
    }

    @Test
    void coresFlagIsUsedForRunsWithoutASidecar() throws IOException {
        Path out = tmp.resolve("cores");
        Outcome o = report(resource(CPU_IO).toString(), "--cores", "4", "-o", out.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(Files.readString(out.resolve(Report.HTML)).contains("--cores 4"));
    }

    @Test
    void runsAreOrderedBySidecarTimeWhenEveryRunHasOne() {
        List<BenchmarkResult> rows = Fixtures.suite().subList(0, 1);
        ResultsFile b = new ResultsFile(Path.of("b.json"), rows, Optional.of(Fixtures.sidecar(2, "2026-02-01T00:00:00Z")));
        ResultsFile a = new ResultsFile(Path.of("a.json"), rows, Optional.of(Fixtures.sidecar(2, "2026-01-01T00:00:00Z")));
        assertEquals(List.of(a, b), ReportCommand.inTimeOrder(List.of(b, a)));
        // Without a time for every run, the order given stands.
        ResultsFile c = Fixtures.bare("c.json", rows);
        assertEquals(List.of(b, c, a), ReportCommand.inTimeOrder(List.of(b, c, a)));
    }

    // ------------------------------------------------------------------ bad input: one line, exit 2

    private void assertBadInput(Outcome o, String expectedFragment) {
        assertEquals(ReportCommand.BAD_INPUT, o.code(), "stdout: " + o.out() + " stderr: " + o.err());
        List<String> lines = o.err().lines().toList();
        assertEquals(1, lines.size(), "one line on stderr, got: " + o.err());
        assertTrue(lines.get(0).startsWith("report: "), lines.get(0));
        assertTrue(lines.get(0).contains(expectedFragment), lines.get(0));
        assertFalse(o.err().contains("\tat ") || o.err().contains("Exception in"), "no stack trace");
    }

    @Test
    void missingFile() {
        assertBadInput(report(tmp.resolve("nope.json").toString(), "-o", tmp.resolve("o").toString()), "no such file");
    }

    @Test
    void malformedJson() throws IOException {
        Path f = Files.writeString(tmp.resolve("bad.json"), "[{\"benchmark\": ");
        assertBadInput(report(f.toString(), "-o", tmp.resolve("o").toString()), "malformed JSON");
    }

    @Test
    void jsonThatIsNotJmhOutput() throws IOException {
        Path f = Files.writeString(tmp.resolve("other.json"), "{\"name\": \"not a benchmark\"}");
        assertBadInput(report(f.toString(), "-o", tmp.resolve("o").toString()), "not JMH JSON output");
    }

    @Test
    void emptyResultList() throws IOException {
        Path f = Files.writeString(tmp.resolve("empty.json"), "[]");
        assertBadInput(report(f.toString(), "-o", tmp.resolve("o").toString()), "empty result list");
    }

    @Test
    void unwritableOutputDirectory() throws IOException {
        Path blocker = Files.writeString(tmp.resolve("a-file"), "x");
        // A directory cannot be made under a regular file, whoever runs the test.
        assertBadInput(report(resource(CPU_IO).toString(), "-o", blocker.resolve("sub").toString()), "cannot write the report");
        assertBadInput(report(resource(CPU_IO).toString(), "-o", blocker.toString()), "not a directory");
    }

    @Test
    void noResultsOrBadFlags() throws IOException {
        assertBadInput(report(), "RESULTS");
        assertBadInput(report(resource(CPU_IO).toString(), "--cores", "0", "-o", tmp.resolve("o").toString()), "--cores");
        assertBadInput(report(resource(CPU_IO).toString(), "--bogus"), "--bogus");
        Path empty = Files.createDirectory(tmp.resolve("empty-dir"));
        assertBadInput(report(empty.toString()), "no results file");
    }

    @Test
    void badInputLeavesNoOutputBehind() throws IOException {
        Path out = tmp.resolve("never");
        report(tmp.resolve("nope.json").toString(), "-o", out.toString());
        assertFalse(Files.exists(out));
        List<String> left = new ArrayList<>();
        try (Stream<Path> s = Files.list(tmp)) {
            s.forEach(p -> left.add(p.getFileName().toString()));
        }
        assertEquals(List.of(), left);
    }

    // ------------------------------------------------------------------ -prof cpu and core checks (issues 11, 12)

    private static ChartSpec only(ChartPlanner.Plan plan, String idPrefix) {
        List<ChartSpec> found = plan.charts().stream().filter(c -> c.id().startsWith(idPrefix)).toList();
        assertEquals(1, found.size(), idPrefix + ": " + plan.charts().stream().map(ChartSpec::id).toList());
        return found.get(0);
    }

    @Test
    void realProfiledRunsGetCoresThreadsAndMemoryChartsAndTheirFiguresInTheTables() throws IOException {
        List<ResultsFile> runs = List.of(ResultsFile.read(resource(PROFILED_CPU_IO)), ResultsFile.read(resource(PROFILED_SCALING)));
        ChartPlanner.Plan plan = ChartPlanner.plan(runs, null);
        BarChartSpec cpu = (BarChartSpec) only(plan, "cpu-");
        BarChartSpec cpuCores = (BarChartSpec) only(plan, "cores-cpu-");
        BarChartSpec ioCores = (BarChartSpec) only(plan, "cores-io-");
        LineChartSpec threads = (LineChartSpec) only(plan, "threads-scaling-");
        LineChartSpec memory = (LineChartSpec) only(plan, "memory-scaling-");

        List<BenchmarkResult> cpuRows = Fixtures.ofClass(runs.get(0).results(), "CpuBoundBenchmark");
        assertEquals(cpuRows.stream().map(r -> r.secondary("cpu.cores").score()).toList(),
                cpuCores.bars().stream().map(BarChartSpec.Bar::value).toList());
        assertEquals(List.of(1.0, 2.0, 2.0, 2.0, 2.0, 2.0), cpuCores.bars().stream().map(BarChartSpec.Bar::ideal).toList());
        Tables.Table t = Tables.of(cpu);
        int cpuColumn = t.header().indexOf("CPU (ms/op)");
        int coresColumn = t.header().indexOf("cores used (cores)");
        for (int i = 0; i < cpuRows.size(); i++) {
            assertEquals(Tables.number(cpuRows.get(i).secondary("cpu.time").score()), t.rows().get(i).get(cpuColumn));
            assertEquals(Tables.number(cpuRows.get(i).secondary("cpu.cores").score()), t.rows().get(i).get(coresColumn));
        }
        List<BenchmarkResult> ioRows = Fixtures.ofClass(runs.get(0).results(), "IoBoundBenchmark");
        assertEquals(ioRows.stream().map(r -> r.secondary("cpu.cores").score()).toList(),
                ioCores.bars().stream().map(BarChartSpec.Bar::value).toList());
        assertEquals(1, ioCores.levels().size());

        for (BenchmarkResult r : runs.get(1).results()) {
            String model = r.method().equals("virtualThreads100k") ? "VIRTUAL_THREADS" : r.param("model");
            double n = Double.parseDouble(r.param("tasks"));
            for (var chart : List.of(Map.entry(threads, "os.threads.peak"), Map.entry(memory, "rss.peak"))) {
                LineChartSpec.Series line = chart.getKey().series().stream().filter(s -> s.name().equals(model)).findFirst().orElseThrow();
                assertTrue(line.points().stream().anyMatch(p -> p.x() == n && p.y() == r.secondary(chart.getValue()).score()),
                        chart.getValue() + " " + r.key().display());
            }
        }

        Path out = tmp.resolve("profiled");
        Outcome o = report(resource(PROFILED_CPU_IO).toString(), resource(PROFILED_SCALING).toString(), "-o", out.toString());
        assertEquals(0, o.code(), o.err());
        assertCompleteReport(out, expectedFiles(runs));
        assertLocalLinks(out, out.resolve(Report.HTML), HTML_LINK);
        assertLocalLinks(out, out.resolve(Report.MARKDOWN), MD_LINK);
    }

    /** cpu.profiler is a diagnostic of the profiler: a file that has it reads exactly as one that does not. */
    @Test
    void theProfilersOwnCpuIsNeitherChartedNorTabled() {
        List<ResultsFile> runs = List.of(ResultsFile.read(resource(PROFILED_CPU_IO)), ResultsFile.read(resource(PROFILED_SCALING)));
        List<ResultsFile> withOwn = runs.stream().map(f -> new ResultsFile(f.path(), f.results().stream().map(r -> {
            Map<String, Metric> secondary = new LinkedHashMap<>(r.secondary());
            secondary.put(UsageMetric.CPU_PROFILER.label(), Fixtures.metric(0.5, Double.NaN, UsageMetric.CPU_PROFILER.unit(Scope.PROCESS_TREE)));
            return new BenchmarkResult(r.benchmark(), r.mode(), r.threads(), r.forks(), r.params(), r.primary(), secondary, r.vm());
        }).toList(), f.environment())).toList();
        ChartPlanner.Plan plan = ChartPlanner.plan(runs, null);
        ChartPlanner.Plan planWithOwn = ChartPlanner.plan(withOwn, null);
        assertEquals(plan, planWithOwn);
        assertEquals(MarkdownReport.render(runs, plan), MarkdownReport.render(withOwn, planWithOwn));
        assertEquals(HtmlReport.render(runs, plan), HtmlReport.render(withOwn, planWithOwn));
    }

    @Test
    void theRealSidecarsChecksSetTheCapacityAndRaiseTheBanner() throws IOException {
        ResultsFile run = ResultsFile.read(resource(PROFILED_CPU_IO));
        var env = run.environment().orElseThrow();
        // Each CPU's relative speed, averaged over both checks, scaled so that the fastest is 1.
        double[] mean = new double[2];
        for (int cpu = 0; cpu < 2; cpu++) {
            mean[cpu] = (env.coreCheckBefore().cpus().get(cpu).relativeSpeed() + env.coreCheckAfter().cpus().get(cpu).relativeSpeed()) / 2;
        }
        double fastest = Math.max(mean[0], mean[1]);
        double capacity = mean[0] / fastest + mean[1] / fastest;
        ChartPlanner.Plan plan = ChartPlanner.plan(List.of(run), null);
        BarChartSpec cpu = (BarChartSpec) only(plan, "cpu-");
        double seq = cpu.bars().get(0).value();
        assertEquals("SEQUENTIAL", cpu.bars().get(0).label());
        assertEquals(seq / capacity, Fixtures.bar(cpu, "FIXED_POOL").ideal(), 1e-9);
        assertTrue(cpu.notes().stream().anyMatch(n -> n.startsWith(String.format(java.util.Locale.ROOT,
                "Capacity %.2f fastest-CPU equivalents on 2 CPUs (CPU 0 %.2f, CPU 1 %.2f): the mean of the core checks before"
                        + " (unsteady", capacity, mean[0] / fastest, mean[1] / fastest))), cpu.notes().toString());
        assertEquals(1, plan.banners().size());
        assertTrue(plan.banners().get(0).contains(env.coreCheckBefore().summary())
                && plan.banners().get(0).contains(env.coreCheckAfter().summary()), plan.banners().get(0));

        Path out = tmp.resolve("banner");
        assertEquals(0, report(resource(PROFILED_CPU_IO).toString(), "-o", out.toString()).code());
        assertTrue(Files.readString(out.resolve(Report.HTML)).contains("<div class=\"banner\""));
        assertTrue(Files.readString(out.resolve(Report.MARKDOWN)).contains("> [!WARNING]"));
        assertTrue(Files.readString(out.resolve(Report.MARKDOWN)).contains("| core check before | unsteady: capacity"));
    }

    @Test
    void realFallbackFiguresAreLabelledJvmOnly() throws IOException {
        List<ResultsFile> runs = List.of(ResultsFile.read(resource(JVM_ONLY_CPU_IO)), ResultsFile.read(resource(JVM_ONLY_SCALING)));
        ChartPlanner.Plan plan = ChartPlanner.plan(runs, null);
        BarChartSpec cpuCores = (BarChartSpec) only(plan, "cores-cpu-");
        assertEquals("cores (jvm only)", ChartRenderer.shortUnit(cpuCores.yAxis()));
        assertTrue(cpuCores.notes().contains(CoresUsed.JVM_ONLY_NOTE));
        assertTrue(Tables.of(only(plan, "io-")).header().contains("CPU (ms/op, jvm only)"));
        LineChartSpec threads = (LineChartSpec) only(plan, "threads-scaling-");
        assertEquals("java threads (jvm only)", ChartRenderer.shortUnit(threads.yAxis()));
        assertTrue(plan.charts().stream().noneMatch(c -> c.id().startsWith("memory")), "no rss.peak without /proc");
        // Unsteady before, equal after.
        assertTrue(plan.banners().get(0).contains("verdict unsteady -> equal"), plan.banners().toString());

        Path out = tmp.resolve("jvm-only");
        assertEquals(0, report(resource(JVM_ONLY_CPU_IO).toString(), resource(JVM_ONLY_SCALING).toString(), "-o", out.toString()).code());
        assertCompleteReport(out, expectedFiles(runs));
        assertTrue(Files.readString(out.resolve(Report.MARKDOWN)).contains("cores used (cores, jvm only)"));
    }

    @Test
    void olderFilesGetNoUsageChartsNoUsageColumnsAndNoBanner() {
        for (String name : List.of(CPU_IO, SCALING, COUNTER, SPAWN)) {
            ChartPlanner.Plan plan = ChartPlanner.plan(List.of(ResultsFile.read(resource(name))), null);
            assertTrue(plan.charts().stream().noneMatch(c -> c.id().startsWith("cores") || c.id().startsWith("threads")
                    || c.id().startsWith("memory")), name);
            assertTrue(plan.charts().stream().allMatch(c -> Tables.of(c).header().stream().noneMatch(h -> h.contains("CPU ("))
                    && Tables.of(c).rows().stream().noneMatch(r -> r.get(0).contains(": CPU"))), name);
            assertEquals(List.of(), plan.banners(), name);
        }
    }

    @Test
    void theReferenceRunRendersAsTheCommittedReport() throws IOException {
        // Regenerate with the command in docs/report.md when the report changes on purpose.
        Path out = tmp.resolve("reference");
        Outcome o = report(REFERENCE.toString(), "-o", out.toString());
        assertEquals(0, o.code(), o.err());
        assertEquals(filesIn(REFERENCE_REPORT), filesIn(out));
        for (String page : List.of(Report.HTML, Report.MARKDOWN)) {
            assertEquals(Files.readString(REFERENCE_REPORT.resolve(page)), Files.readString(out.resolve(page)), page);
        }
    }
}
