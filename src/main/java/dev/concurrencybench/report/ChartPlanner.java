package dev.concurrencybench.report;

import dev.concurrencybench.report.BarChartSpec.Bar;
import dev.concurrencybench.report.LineChartSpec.Point;
import dev.concurrencybench.report.LineChartSpec.Series;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Decides which charts a set of runs gets and computes every number on them. Each benchmark is
 * charted from the newest run (the last file given) that has it; with two or more runs, each
 * benchmark also gets a trend across all of them. Benchmarks this class does not know, and rows
 * of known ones that lack the params their chart needs, get a generic bar chart: never an error.
 */
public final class ChartPlanner {

    /** Cores assumed when neither a sidecar nor {@code --cores} says how many there were. */
    public static final int FALLBACK_CORES = 2;

    /** The charts, in reading order, and notes that concern the whole report. */
    public record Plan(List<ChartSpec> charts, List<String> notes) {
        public Plan {
            charts = List.copyOf(charts);
            notes = List.copyOf(notes);
        }
    }

    private static final String CPU = "CpuBoundBenchmark";
    private static final String IO = "IoBoundBenchmark";
    private static final String SCALING = "IoScalingBenchmark";
    private static final String PINNING = "PinningBenchmark";
    private static final String ASYNC = "AsyncBenchmark";
    private static final String SPAWN = "SpawnBenchmark";
    private static final String COUNTER = "CounterBenchmark";

    private final Integer coresFlag;
    private final List<ChartSpec> charts = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();
    private final Set<String> coreNotes = new HashSet<>();

    private ChartPlanner(Integer coresFlag) {
        this.coresFlag = coresFlag;
    }

    /**
     * Plans the report for {@code runs}, oldest first.
     *
     * @param coresFlag the logical cores to assume for runs without a sidecar; null for {@value #FALLBACK_CORES}
     */
    public static Plan plan(List<Run> runs, Integer coresFlag) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no results to report");
        }
        ChartPlanner p = new ChartPlanner(coresFlag);
        p.workloads(runs);
        if (runs.size() >= 2) {
            p.trends(runs);
        } else {
            p.notes.add("Trend charts need two or more results files; this report has one.");
        }
        List<ChartSpec> inReadingOrder = new ArrayList<>(p.charts);
        inReadingOrder.sort(Comparator.comparingInt(ChartPlanner::readingOrder));
        return new Plan(inReadingOrder, p.notes);
    }

    /** The lessons in the order the README tells them; other benchmarks after them, trends last. */
    private static final List<String> READING_ORDER =
            List.of("cpu", "io", "scaling", "pinning", "async", "spawn", "counter", "", "trend");

    private static int readingOrder(ChartSpec c) {
        String kind = c.id().replaceFirst("-.*$", "");
        int i = READING_ORDER.indexOf(kind);
        return i < 0 ? READING_ORDER.indexOf("") : i;
    }

    /** Rows of one benchmark in one mode, from the run they were taken from. */
    private record Source(Run run, String shortName, String mode, List<Measurement> rows) {
        String className() {
            return rows.get(0).className();
        }

        String method() {
            return rows.get(0).method();
        }
    }

    private static String key(Measurement m) {
        return m.benchmark() + "|" + m.mode();
    }

    // ---------------------------------------------------------------- per-workload charts

    private void workloads(List<Run> runs) {
        Map<String, Source> newest = new LinkedHashMap<>();
        for (Run run : runs) {
            Map<String, List<Measurement>> byKey = groupBy(run.rows(), ChartPlanner::key);
            for (List<Measurement> rows : byKey.values()) {
                Measurement first = rows.get(0);
                newest.put(key(first), new Source(run, first.shortName(), first.mode(), rows));
            }
        }
        Set<String> done = new HashSet<>();
        for (Source s : newest.values()) {
            if (done.contains(s.shortName() + "|" + s.mode())) {
                continue;
            }
            List<Source> sameClass = newest.values().stream()
                    .filter(o -> o.className().equals(s.className()) && o.mode().equals(s.mode()))
                    .toList();
            switch (s.className()) {
                case CPU -> {
                    cpu(find(sameClass, "fibList"), find(sameClass, "fibListRecursiveForkJoin"));
                    markDone(done, sameClass, "fibList", "fibListRecursiveForkJoin");
                }
                case SCALING -> {
                    scaling(find(sameClass, "sleepTasks"), find(sameClass, "virtualThreads100k"));
                    markDone(done, sameClass, "sleepTasks", "virtualThreads100k");
                }
                case IO -> {
                    if (s.method().equals("sleepTasks")) {
                        io(s);
                    } else {
                        generic(s);
                    }
                }
                case PINNING -> {
                    if (s.method().equals("sleepWhileHoldingLock")) {
                        pinning(s);
                    } else {
                        generic(s);
                    }
                }
                case ASYNC -> {
                    async(sameClass);
                    markAll(done, sameClass);
                }
                case SPAWN -> {
                    // Its methods use different modes (single shots for spawns, sampling for round trips)
                    // but one unit, and belong on one chart.
                    List<Source> allModes = newest.values().stream().filter(o -> o.className().equals(SPAWN)).toList();
                    spawn(allModes);
                    markAll(done, allModes);
                }
                case COUNTER -> counter(s);
                default -> generic(s);
            }
            done.add(s.shortName() + "|" + s.mode());
        }
    }

    private static Source find(List<Source> sources, String method) {
        return sources.stream().filter(s -> s.method().equals(method)).findFirst().orElse(null);
    }

    /** Marks the named methods of {@code sources} as charted. */
    private static void markDone(Set<String> done, List<Source> sources, String... methods) {
        for (Source s : sources) {
            if (List.of(methods).contains(s.method())) {
                done.add(s.shortName() + "|" + s.mode());
            }
        }
    }

    private static void markAll(Set<String> done, List<Source> sources) {
        sources.forEach(s -> done.add(s.shortName() + "|" + s.mode()));
    }

    private void cpu(Source list, Source recursive) {
        List<Measurement> rows = new ArrayList<>();
        List<Source> sources = new ArrayList<>();
        for (Source s : new Source[] {list, recursive}) {
            if (s != null) {
                sources.add(s);
            }
        }
        List<Measurement> listRows = list == null ? List.of() : withParam(list, "model");
        List<Measurement> recursiveRows = recursive == null ? List.of() : withParam(recursive, "fibs");
        rows.addAll(listRows);
        rows.addAll(recursiveRows);
        if (rows.isEmpty()) {
            noteDropped(list, listRows, "model");
            noteDropped(recursive, recursiveRows, "fibs");
            return;
        }
        Run run = sources.get(0).run();
        int cores = cores(run);
        Map<Map<String, String>, List<Measurement>> groups = groupByParams(rows, Set.of("model", "threshold"));
        for (Map.Entry<Map<String, String>, List<Measurement>> g : groups.entrySet()) {
            List<Measurement> group = g.getValue();
            List<String> chartNotes = new ArrayList<>();
            String fibs = g.getKey().get("fibs");
            List<Integer> ns = Ideals.parseFibs(fibs);
            Measurement seq = group.stream()
                    .filter(m -> m.method().equals("fibList") && "SEQUENTIAL".equals(m.param("model")))
                    .findFirst().orElse(null);
            double seqMs = seq == null ? Double.NaN : Units.toMillis(seq.score(), seq.unit());
            if (seq == null) {
                chartNotes.add("No SEQUENTIAL row for this fib list, so no ideal can be computed.");
            } else if (ns == null) {
                chartNotes.add("The fibs param '" + fibs + "' is not a fib list, so no ideal can be computed.");
            } else if (!Double.isFinite(seqMs)) {
                chartNotes.add("The SEQUENTIAL score has no usable value or unit, so no ideal can be computed.");
            } else {
                chartNotes.add(String.format(Locale.ROOT,
                        "Ideal = max(SEQUENTIAL / %d cores, longest task); the longest task, fib(%d), is %.1f%% of the"
                                + " list's work (by call count), so it takes %.1f ms of SEQUENTIAL's %.1f ms.",
                        cores, ns.stream().mapToInt(Integer::intValue).max().orElse(0),
                        100 * Ideals.longestShare(ns), seqMs * Ideals.longestShare(ns), seqMs));
            }
            boolean canIdeal = seq != null && ns != null && Double.isFinite(seqMs);
            List<Bar> bars = new ArrayList<>();
            for (Measurement m : group) {
                double idealMs = Double.NaN;
                String label;
                if (m.method().equals("fibList")) {
                    label = m.param("model");
                    if (canIdeal) {
                        idealMs = ModelLimit.of(label).map(limit -> limit == ModelLimit.ONE_AT_A_TIME ? seqMs
                                : Ideals.fibList(seqMs, ns, Math.min(cores, limit.inFlight(ns.size(), cores))))
                                .orElse(Double.NaN);
                    }
                } else {
                    label = "recursive ForkJoin" + (m.param("threshold") == null ? "" : " (threshold " + m.param("threshold") + ")");
                    if (canIdeal) {
                        idealMs = Ideals.fibSplit(seqMs, cores);
                    }
                }
                bars.add(bar(label, m, idealMs));
            }
            String title = "CPU-bound: fib list" + (fibs == null ? "" : " (" + fibs + ")") + " on each model";
            add(new BarChartSpec(id("cpu " + g.getKey()), title, Units.axisTitle(group.get(0).mode(), group.get(0).unit()),
                    bars, CPU_TEXT.formatted(cores), sourceNames(sources), chartNotes));
        }
        noteDropped(list, listRows, "model");
        noteDropped(recursive, recursiveRows, "fibs");
    }

    private void io(Source s) {
        List<Measurement> rows = withParam(s, "model");
        if (rows.isEmpty()) {
            generic(s);
            return;
        }
        int cores = cores(s.run());
        for (Map.Entry<Map<String, String>, List<Measurement>> g : groupByParams(rows, Set.of("model")).entrySet()) {
            Integer tasks = intParam(g.getKey(), "tasks");
            Double sleepMs = doubleParam(g.getKey(), "sleepMs");
            List<String> chartNotes = new ArrayList<>();
            if (tasks == null || sleepMs == null) {
                chartNotes.add(NO_SLEEP_PARAMS);
            } else {
                chartNotes.add(String.format(Locale.ROOT,
                        "Ideal: D = %s ms when all %d tasks run at once, ceil(%d / %d) x D for a pool of %d, %d x D one at a time.",
                        fmt(sleepMs), tasks, tasks, cores, cores, tasks));
            }
            List<Bar> bars = new ArrayList<>();
            for (Measurement m : g.getValue()) {
                double idealMs = tasks == null || sleepMs == null ? Double.NaN
                        : Ideals.sleeps(m.param("model"), tasks, sleepMs, cores).orElse(Double.NaN);
                bars.add(bar(m.param("model"), m, idealMs));
            }
            String title = "IO-bound: " + (tasks == null ? "N" : tasks) + " tasks that each sleep "
                    + (sleepMs == null ? "D" : fmt(sleepMs)) + " ms, on each model";
            Measurement first = g.getValue().get(0);
            add(new BarChartSpec(id("io " + g.getKey()), title, Units.axisTitle(first.mode(), first.unit()), bars,
                    IO_TEXT, s.run().name(), chartNotes));
        }
        noteDropped(s, rows, "model");
    }

    private void scaling(Source sleepTasks, Source hundredK) {
        List<Measurement> rows = new ArrayList<>();
        List<Source> sources = new ArrayList<>();
        if (sleepTasks != null) {
            rows.addAll(withParam(sleepTasks, "model").stream().filter(m -> m.param("tasks") != null).toList());
            sources.add(sleepTasks);
        }
        if (hundredK != null) {
            rows.addAll(hundredK.rows().stream().filter(m -> m.param("tasks") != null).toList());
            sources.add(hundredK);
        }
        if (rows.isEmpty()) {
            for (Source s : sources) {
                generic(s);
            }
            return;
        }
        for (Map.Entry<Map<String, String>, List<Measurement>> g : groupByParams(rows, Set.of("model", "tasks")).entrySet()) {
            Measurement first = g.getValue().get(0);
            Map<String, List<Point>> lines = new LinkedHashMap<>();
            TreeSet<Double> ns = new TreeSet<>();
            for (Measurement m : g.getValue()) {
                Integer n = intParam(m.params(), "tasks");
                if (n == null) {
                    continue;
                }
                // virtualThreads100k is the VIRTUAL_THREADS line carried on to 100,000 tasks.
                String model = m.method().equals("virtualThreads100k") ? "VIRTUAL_THREADS" : m.param("model");
                lines.computeIfAbsent(model, k -> new ArrayList<>()).add(new Point(n, m.score(), m.error()));
                ns.add((double) n);
            }
            List<Series> series = new ArrayList<>();
            for (Map.Entry<String, List<Point>> line : lines.entrySet()) {
                List<Point> pts = new ArrayList<>(line.getValue());
                pts.sort((a, b) -> Double.compare(a.x(), b.x()));
                series.add(new Series(line.getKey(), pts, false));
            }
            Double sleepMs = doubleParam(g.getKey(), "sleepMs");
            List<String> chartNotes = new ArrayList<>();
            if (sleepMs != null && !ns.isEmpty()) {
                double ideal = Units.fromMillis(sleepMs, first.unit());
                series.add(new Series("ideal: D = " + fmt(sleepMs) + " ms",
                        ns.stream().map(n -> new Point(n, ideal, Double.NaN)).toList(), true));
            } else {
                chartNotes.add("The sleepMs param is missing or not a number, so no ideal line is drawn.");
            }
            String title = "IO scaling: N tasks that each sleep " + (sleepMs == null ? "D" : fmt(sleepMs)) + " ms";
            add(new LineChartSpec(id("scaling " + g.getKey()), title, "tasks N (log scale)",
                    Units.axisTitle(first.mode(), first.unit()) + " (log scale)", true, true, series, List.of(), List.of(),
                    SCALING_TEXT, sourceNames(sources), chartNotes));
        }
    }

    private void pinning(Source s) {
        List<Measurement> rows = withParam(s, "lock");
        if (rows.isEmpty()) {
            generic(s);
            return;
        }
        String jdk = s.run().environment().jdk();
        for (Map.Entry<Map<String, String>, List<Measurement>> g : groupByParams(rows, Set.of("lock")).entrySet()) {
            Integer tasks = intParam(g.getKey(), "tasks");
            Double sleepMs = doubleParam(g.getKey(), "sleepMs");
            List<Bar> bars = new ArrayList<>();
            for (Measurement m : g.getValue()) {
                // Each task has its own lock and its own virtual thread: all can wait at once.
                double idealMs = tasks == null || sleepMs == null ? Double.NaN : Ideals.sleeps(tasks, sleepMs, tasks);
                bars.add(bar(m.param("lock"), m, idealMs));
            }
            List<String> chartNotes = tasks == null || sleepMs == null
                    ? List.of(NO_SLEEP_PARAMS)
                    : List.of("Ideal: D = " + fmt(sleepMs) + " ms, all " + tasks + " virtual threads waiting at once.");
            Measurement first = g.getValue().get(0);
            String title = "Pinning: " + (tasks == null ? "N" : tasks) + " virtual threads sleep "
                    + (sleepMs == null ? "D" : fmt(sleepMs)) + " ms holding a lock";
            add(new BarChartSpec(id("pinning " + g.getKey()), title, Units.axisTitle(first.mode(), first.unit()), bars,
                    PINNING_TEXT.formatted(jdk == null ? "unknown" : jdk), s.run().name(), chartNotes));
        }
        noteDropped(s, rows, "lock");
    }

    /** The async lessons in teaching order: the sequential/gather pair, the blocking call, the two error styles. */
    private static final List<String> ASYNC_ORDER =
            List.of("awaitOneAtATime", "gatherAll", "blockingSleepInEventLoop", "errorsFailFast", "errorsCollectAll");

    private void async(List<Source> sources) {
        List<Measurement> rows = sources.stream().flatMap(s -> s.rows().stream())
                .sorted(Comparator.comparingInt(m -> order(ASYNC_ORDER, m.method())))
                .toList();
        for (Map.Entry<Map<String, String>, List<Measurement>> g : groupByParams(rows, Set.of()).entrySet()) {
            Integer tasks = intParam(g.getKey(), "tasks");
            Double sleepMs = doubleParam(g.getKey(), "sleepMs");
            List<Bar> bars = new ArrayList<>();
            for (Measurement m : g.getValue()) {
                double idealMs = Double.NaN;
                if (tasks != null && sleepMs != null) {
                    idealMs = switch (m.method()) {
                        case "awaitOneAtATime", "blockingSleepInEventLoop" -> Ideals.sleeps(tasks, sleepMs, 1);
                        case "gatherAll", "errorsFailFast", "errorsCollectAll" -> Ideals.sleeps(tasks, sleepMs, tasks);
                        default -> Double.NaN;
                    };
                }
                bars.add(bar(m.method(), m, idealMs));
            }
            List<String> chartNotes = tasks == null || sleepMs == null
                    ? List.of(NO_SLEEP_PARAMS)
                    : List.of("Ideal: " + tasks + " x D = " + fmt(tasks * sleepMs) + " ms for the one-at-a-time shapes, D = "
                            + fmt(sleepMs) + " ms for the gathered ones.");
            Measurement first = g.getValue().get(0);
            String title = "Async: " + (tasks == null ? "N" : tasks) + " jobs of " + (sleepMs == null ? "D" : fmt(sleepMs))
                    + " ms on one event loop";
            add(new BarChartSpec(id("async " + g.getKey()), title, Units.axisTitle(first.mode(), first.unit()), bars,
                    ASYNC_TEXT, sourceNames(sources), chartNotes));
        }
    }

    /** Spawn cost in teaching order: the bare JVM floor, a worker's spawn, a pooled worker's round trip. */
    private static final List<String> SPAWN_ORDER = List.of("bareJvm", "workerSpawn", "pooledRoundTrip");

    private void spawn(List<Source> sources) {
        List<Measurement> all = sources.stream().flatMap(s -> s.rows().stream())
                .sorted(Comparator.comparingInt(m -> order(SPAWN_ORDER, m.method()))).toList();
        for (List<Measurement> rows : groupBy(all, Measurement::unit).values()) {
            Set<String> varying = varyingParams(rows);
            List<Bar> bars = new ArrayList<>();
            for (Measurement m : rows) {
                String extra = paramLabel(m, varying);
                bars.add(bar(m.method() + (extra.isEmpty() ? "" : " (" + extra + ")"), m, Double.NaN));
            }
            Measurement first = rows.get(0);
            Set<String> modes = new LinkedHashSet<>();
            rows.forEach(m -> modes.add(modeName(m.mode())));
            List<String> chartNotes = modes.size() > 1
                    ? List.of("Modes: " + rows.stream().map(m -> m.method() + " " + modeName(m.mode())).distinct()
                            .collect(Collectors.joining(", ")) + "; each bar is a mean time per call.")
                    : List.of();
            add(new BarChartSpec(id("spawn"), "Spawn cost: starting a JVM" + constantSuffix(rows, varying),
                    "time per call (" + first.unit() + ", lower is better)", bars, SPAWN_TEXT, sourceNames(sources), chartNotes));
        }
    }

    private static int order(List<String> known, String method) {
        int i = known.indexOf(method);
        return i < 0 ? known.size() : i;
    }

    private void counter(Source s) {
        List<Measurement> rows = withParam(s, "variant");
        if (rows.isEmpty()) {
            generic(s);
            return;
        }
        for (Map.Entry<Map<String, String>, List<Measurement>> g : groupByParams(rows, Set.of("variant", "mode")).entrySet()) {
            List<Measurement> group = g.getValue();
            // The benchmark's own counts, when it reports them: increments made and kept per second.
            boolean counted = group.stream().allMatch(m -> m.secondary("made") != null && m.secondary("kept") != null);
            List<Bar> bars = new ArrayList<>();
            for (Measurement m : group) {
                String mode = m.param("mode");
                String label = m.param("variant") + (mode == null ? "" : " / " + mode);
                String exactness = CounterExactness.of(m.param("variant"), mode).label();
                if (counted) {
                    Measurement.Secondary made = m.secondary("made");
                    Measurement.Secondary kept = m.secondary("kept");
                    double share = made.score() > 0 ? kept.score() / made.score() : Double.NaN;
                    String remark = Double.isFinite(share)
                            ? String.format(Locale.ROOT, "kept %s%%", keptPercent(share)) : "kept n/a";
                    bars.add(new Bar(label, made.score(), made.error(), Double.NaN, exactness, remark));
                } else {
                    bars.add(new Bar(label, m.score(), m.error(), Double.NaN, exactness, ""));
                }
            }
            Measurement first = group.get(0);
            String yAxis = counted
                    ? "increments made (" + group.get(0).secondary("made").unit() + ", higher is better)"
                    : Units.axisTitle(first.mode(), first.unit());
            String params = paramText(g.getKey());
            List<String> chartNotes = new ArrayList<>();
            chartNotes.add("Bar colour: each variant's exactness by design (exact, or loses updates); a short run may"
                    + " happen to lose nothing, so the measured share above the bar can read 100% for a racy variant.");
            if (counted) {
                chartNotes.add("Above each bar: the share of increments the final count kept, as the benchmark measured it"
                        + " (kept / made).");
            }
            add(new BarChartSpec(id("counter " + s.method() + " " + g.getKey()),
                    "Shared counter: speed and exactness" + (params.isEmpty() ? "" : " (" + params + ")"),
                    yAxis, bars, COUNTER_TEXT, s.run().name(), chartNotes));
        }
        noteDropped(s, rows, "variant");
    }

    /** 100 only when nothing was lost; otherwise never rounded up to 100. */
    static String keptPercent(double share) {
        if (share >= 1) {
            return "100";
        }
        double pct = Math.floor(share * 1000) / 10;
        return pct == Math.rint(pct) ? Long.toString((long) pct) : String.format(Locale.ROOT, "%.1f", pct);
    }

    private void generic(Source s) {
        generic(s, s.rows(), List.of());
    }

    private void generic(Source s, List<Measurement> rows, List<String> chartNotes) {
        if (rows.isEmpty()) {
            return;
        }
        Set<String> varying = varyingParams(rows);
        List<Bar> bars = new ArrayList<>();
        for (Measurement m : rows) {
            String label = paramLabel(m, varying);
            bars.add(bar(label.isEmpty() ? m.method() : label, m, Double.NaN));
        }
        Measurement first = rows.get(0);
        add(new BarChartSpec(id(s.shortName() + " " + s.mode()), s.shortName() + " (" + modeName(s.mode()) + ")"
                + constantSuffix(rows, varying), Units.axisTitle(first.mode(), first.unit()), bars,
                GENERIC_TEXT, s.run().name(), chartNotes));
    }

    /** Rows of {@code s} that have {@code param}; the others are charted generically with a note. */
    private List<Measurement> withParam(Source s, String param) {
        return s.rows().stream().filter(m -> m.param(param) != null).toList();
    }

    private void noteDropped(Source s, List<Measurement> kept, String param) {
        if (s == null || kept.size() == s.rows().size()) {
            return;
        }
        List<Measurement> rest = s.rows().stream().filter(m -> m.param(param) == null).toList();
        generic(s, rest, List.of("These rows lack the '" + param + "' param, so they get a plain chart without ideals."));
    }

    // ---------------------------------------------------------------- trends

    private void trends(List<Run> runs) {
        List<String> runLabels = runs.stream().map(Run::name).toList();
        List<LineChartSpec.Marker> markers = new ArrayList<>();
        for (int i = 1; i < runs.size(); i++) {
            String change = runs.get(i).environment().changesSince(runs.get(i - 1).environment());
            if (!change.isEmpty()) {
                // Between run i and run i+1 (1-based x positions).
                markers.add(new LineChartSpec.Marker(i + 0.5, change));
            }
        }
        Map<String, List<Measurement>> all = new LinkedHashMap<>();
        for (Run run : runs) {
            for (Measurement m : run.rows()) {
                all.computeIfAbsent(key(m), k -> new ArrayList<>()).add(m);
            }
        }
        int before = charts.size();
        for (List<Measurement> everyRow : all.values()) {
            Measurement first = everyRow.get(0);
            long inRuns = runs.stream().filter(r -> r.rows().stream().anyMatch(m -> key(m).equals(key(first)))).count();
            if (inRuns < 2) {
                // A trend needs the benchmark in at least two files.
                continue;
            }
            Set<String> varying = varyingParams(everyRow);
            Map<String, List<Point>> lines = new LinkedHashMap<>();
            double min = Double.POSITIVE_INFINITY;
            double max = 0;
            for (int i = 0; i < runs.size(); i++) {
                for (Measurement m : runs.get(i).rows()) {
                    if (!key(m).equals(key(first))) {
                        continue;
                    }
                    String label = paramLabel(m, varying);
                    lines.computeIfAbsent(label.isEmpty() ? m.method() : label, k -> new ArrayList<>())
                            .add(new Point(i + 1, m.score(), m.error()));
                    if (Double.isFinite(m.score()) && m.score() > 0) {
                        min = Math.min(min, m.score());
                        max = Math.max(max, m.score());
                    }
                }
            }
            List<Series> series = lines.entrySet().stream().map(e -> new Series(e.getKey(), e.getValue(), false)).toList();
            // Rows that differ by orders of magnitude (1 task against 10,000) need a log axis to be seen.
            boolean logY = max > 0 && max / min > 20;
            add(new LineChartSpec(id("trend " + first.shortName() + " " + first.mode()),
                    "Trend: " + first.shortName() + " (" + modeName(first.mode()) + ")" + constantSuffix(everyRow, varying),
                    "results file, oldest first (names in the table)", Units.axisTitle(first.mode(), first.unit()) + (logY ? " (log scale)" : ""),
                    false, logY, series, runLabels, markers, TREND_TEXT,
                    String.join(", ", runLabels), markers.isEmpty() ? List.of("No environment change between these runs.")
                            : markers.stream().map(mk -> "Environment change before file " + (int) (mk.x() + 0.5) + ": " + mk.label())
                                    .toList()));
        }
        if (charts.size() == before) {
            notes.add("No benchmark appears in more than one of these results files, so there are no trend charts.");
        }
    }

    // ---------------------------------------------------------------- helpers

    private void add(ChartSpec spec) {
        boolean missingError = switch (spec) {
            case BarChartSpec b -> b.bars().stream().anyMatch(bar -> Double.isFinite(bar.value()) && !Double.isFinite(bar.error()));
            case LineChartSpec l -> l.series().stream().filter(s -> !s.ideal()).flatMap(s -> s.points().stream())
                    .anyMatch(p -> Double.isFinite(p.y()) && !Double.isFinite(p.error()));
        };
        if (missingError) {
            List<String> withNote = new ArrayList<>(spec.notes());
            withNote.add(NO_ERROR_NOTE);
            spec = switch (spec) {
                case BarChartSpec b -> new BarChartSpec(b.id(), b.title(), b.yAxis(), b.bars(), b.explanation(), b.source(), withNote);
                case LineChartSpec l -> new LineChartSpec(l.id(), l.title(), l.xAxis(), l.yAxis(), l.logX(), l.logY(), l.series(),
                        l.xTickLabels(), l.markers(), l.explanation(), l.source(), withNote);
            };
        }
        charts.add(spec);
    }

    private static final String NO_SLEEP_PARAMS =
            "The tasks or sleepMs param is missing or not a number, so no ideal can be computed.";

    static final String NO_ERROR_NOTE = "Some rows have no error estimate (JMH gives none from too few measurements,"
            + " and writes NaN); they are drawn without an error bar.";

    private int cores(Run run) {
        if (run.environment().logicalCores().isPresent()) {
            return run.environment().logicalCores().getAsInt();
        }
        int cores = coresFlag != null ? coresFlag : FALLBACK_CORES;
        if (coreNotes.add(run.name())) {
            notes.add(coresFlag != null
                    ? run.name() + ": no core count in a sidecar; ideals use --cores " + cores + "."
                    : run.name() + ": no core count in a sidecar; ideals assume " + cores + " logical cores (pass --cores N to change).");
        }
        return cores;
    }

    /** A unique, file-safe id from a description. */
    private String id(String description) {
        String base = description.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        if (base.length() > 80) {
            base = base.substring(0, 80).replaceAll("-$", "");
        }
        if (base.isEmpty()) {
            base = "chart";
        }
        String id = base;
        for (int i = 2; !ids.add(id); i++) {
            id = base + "-" + i;
        }
        return id;
    }

    private static Bar bar(String label, Measurement m, double idealMs) {
        return new Bar(label, m.score(), m.error(), Units.fromMillis(idealMs, m.unit()));
    }

    static <K> Map<K, List<Measurement>> groupBy(List<Measurement> rows, Function<Measurement, K> key) {
        return rows.stream().collect(Collectors.groupingBy(key, LinkedHashMap::new, Collectors.toList()));
    }

    /** Groups rows (all of one mode) by every param except {@code except}. */
    static Map<Map<String, String>, List<Measurement>> groupByParams(List<Measurement> rows, Set<String> except) {
        return groupBy(rows, m -> {
            Map<String, String> k = new LinkedHashMap<>(m.params());
            k.keySet().removeAll(except);
            return k;
        });
    }

    /** The params whose value is not the same on every row (absent counts as a value). */
    static Set<String> varyingParams(List<Measurement> rows) {
        Set<String> names = new LinkedHashSet<>();
        rows.forEach(m -> names.addAll(m.params().keySet()));
        Set<String> varying = new LinkedHashSet<>();
        for (String name : names) {
            String v = rows.get(0).param(name);
            if (rows.stream().anyMatch(m -> !Objects.equals(v, m.param(name)))) {
                varying.add(name);
            }
        }
        return varying;
    }

    /**
     * The row's values of {@code names}: {@code k=v, k=v}, or just the value when one param
     * varies and its value is a word (a model's name says what it is; a bare number would not).
     */
    static String paramLabel(Measurement m, Set<String> names) {
        if (names.size() == 1) {
            String v = m.param(names.iterator().next());
            if (v != null && !v.isBlank() && !v.strip().matches("[-+0-9.,/ ]+")) {
                return v;
            }
        }
        return names.stream().map(n -> n + "=" + (m.param(n) == null ? "-" : m.param(n))).collect(Collectors.joining(", "));
    }

    private static String constantSuffix(List<Measurement> rows, Set<String> varying) {
        Map<String, String> constant = new LinkedHashMap<>();
        rows.get(0).params().forEach((k, v) -> {
            if (!varying.contains(k)) {
                constant.put(k, v);
            }
        });
        String text = paramText(constant);
        return text.isEmpty() ? "" : ", " + text;
    }

    private static String paramText(Map<String, String> params) {
        return params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    private static Integer intParam(Map<String, String> params, String name) {
        try {
            String v = params.get(name);
            int i = v == null ? -1 : Integer.parseInt(v.strip());
            return i > 0 ? i : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double doubleParam(Map<String, String> params, String name) {
        try {
            String v = params.get(name);
            double d = v == null ? -1 : Double.parseDouble(v.strip());
            return d >= 0 && Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : String.format(Locale.ROOT, "%.3g", d);
    }

    private static String modeName(String mode) {
        return switch (mode) {
            case "thrpt" -> "throughput";
            case "avgt" -> "average time";
            case "sample" -> "sampled time";
            case "ss" -> "single-shot time";
            default -> mode;
        };
    }

    private static String sourceNames(List<Source> sources) {
        return sources.stream().map(s -> s.run().name()).distinct().collect(Collectors.joining(", "));
    }

    private static final String CPU_TEXT = "Each bar runs the whole fib list once on one model; the red diamond is the"
            + " ideal, max(SEQUENTIAL / %d cores, the longest single task). Java has no GIL: threads, pools and virtual"
            + " threads can all use every core and, on a quiet machine, come close to the ideal, where Python's threads"
            + " took as long as running in sequence.";
    private static final String IO_TEXT = "Tasks that sleep use no CPU, so what matters is how many wait at once: a"
            + " thread, virtual thread or timer per task finishes in about one sleep, a pool of P threads needs"
            + " ceil(N / P) rounds, and SEQUENTIAL takes N sleeps. A process per task also pays for a JVM start.";
    private static final String SCALING_TEXT = "Time for N sleeping tasks as N grows, on log axes; the ideal stays at"
            + " one sleep whatever N is. What rises above it is the cost of starting and scheduling N waiters: small"
            + " for virtual threads and timers, which reach 100,000 tasks, larger for a platform thread per task.";
    private static final String PINNING_TEXT = "Each virtual thread sleeps while holding its own lock. On JDK 21 to 23"
            + " a synchronized block (MONITOR) pins the carrier thread, so the tasks take about N / cores sleeps;"
            + " a ReentrantLock, or any lock on JDK 24+ (JEP 491), lets them all wait at once. This run used JDK %s.";
    private static final String ASYNC_TEXT = "The asyncio lessons on one event-loop thread: awaiting jobs one at a time"
            + " takes N sleeps and gathering them takes one; a blocking sleep inside the loop serialises everything."
            + " Failing fast and collecting every outcome both finish in about one sleep.";
    private static final String SPAWN_TEXT = "What a process costs: a bare JVM that starts and exits, a worker JVM that"
            + " answers one task, and a round trip to a worker that is already running. Processes pay for a JVM start"
            + " each time; a pool pays it once.";
    private static final String COUNTER_TEXT = "How fast each shared counter takes increments, coloured by whether it is"
            + " exact, with the share of increments its final count kept. A plain field or a file without a lock"
            + " loses updates, and an in-memory counter is not shared across processes at all: coordination is what"
            + " makes a counter both exact and slower.";
    private static final String GENERIC_TEXT = "A benchmark without a chart of its own in this report: one bar per row,"
            + " with JMH's error bar.";
    private static final String TREND_TEXT = "Each row's score across the results files, oldest first. A dashed"
            + " vertical line marks a change of environment (CPU, cores, OS, JDK or JVM flags), where a jump need not"
            + " be a regression.";
}
