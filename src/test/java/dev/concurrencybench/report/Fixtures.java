package dev.concurrencybench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concurrencybench.machine.CoreCheck;
import dev.concurrencybench.machine.CpuList;
import dev.concurrencybench.report.BarChartSpec.Bar;
import dev.concurrencybench.results.BenchMode;
import dev.concurrencybench.results.BenchmarkResult;
import dev.concurrencybench.results.Environment;
import dev.concurrencybench.results.Metric;
import dev.concurrencybench.results.ResultsFile;
import dev.concurrencybench.usage.Scope;
import dev.concurrencybench.usage.UsageMetric;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** Small hand-made results files shaped like this suite's, for chart tests that need no JSON on disk. */
final class Fixtures {

    static final String PKG = "dev.concurrencybench.bench.";
    static final String FIBS = "36,35,34,33,32,31,30,25,20,15,10";

    private Fixtures() {
    }

    static Map<String, String> params(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    static Metric metric(double score, double error, String unit) {
        return new Metric(score, error, unit, List.of(List.of(score)), List.of());
    }

    /** A row of the benchmark method {@code benchmark} (its full name), with the given secondary metrics. */
    static BenchmarkResult result(String benchmark, BenchMode mode, String unit, Map<String, String> params, double score,
                                  double error, Map<String, Metric> secondary) {
        return new BenchmarkResult(benchmark, mode, 1, 1, params, metric(score, error, unit), secondary, vm(""));
    }

    /** A single-shot row in ms/op of this suite's {@code bench}, e.g. {@code IoBoundBenchmark.sleepTasks}. */
    static BenchmarkResult ss(String bench, Map<String, String> params, double score, double error) {
        return result(PKG + bench, BenchMode.SINGLE_SHOT_TIME, "ms/op", params, score, error, Map.of());
    }

    static BenchmarkResult withScore(BenchmarkResult r, double score) {
        return new BenchmarkResult(r.benchmark(), r.mode(), r.threads(), r.forks(), r.params(),
                metric(score, r.primary().scoreError(), r.primary().unit()), r.secondary(), r.vm());
    }

    private static BenchmarkResult.VmInfo vm(String jdk) {
        return new BenchmarkResult.VmInfo("1.37", "java", jdk, "", "", List.of("-Xms2g", "-Xmx2g"), 0, "", 1, "");
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A sidecar as the launcher writes it. Made from its JSON fields, as a sidecar file is read, so
     * fields added to {@link Environment} later need no change here.
     */
    static Environment sidecar(int cores, String time) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("format", Environment.FORMAT);
        fields.put("time", time);
        fields.put("profile", "full");
        fields.put("cpuModel", "Test CPU @ 2.0GHz");
        fields.put("logicalCores", cores);
        fields.put("memoryBytes", 24L << 30);
        fields.put("os", "Linux");
        fields.put("osVersion", "6.1");
        fields.put("gitCommit", "abc1234");
        return JSON.convertValue(fields, Environment.class);
    }

    /** A results file with a sidecar of {@code cores} logical cores, run on {@code jdk}. */
    static ResultsFile run(String name, List<BenchmarkResult> rows, int cores, String jdk) {
        return new ResultsFile(Path.of(name), onJdk(rows, jdk), Optional.of(sidecar(cores, "2026-01-01T00:00:00Z")));
    }

    /** A results file without a sidecar, as plain {@code java -jar benchmarks.jar -rf json} leaves it. */
    static ResultsFile bare(String name, List<BenchmarkResult> rows) {
        return new ResultsFile(Path.of(name), rows, Optional.empty());
    }

    static List<BenchmarkResult> onJdk(List<BenchmarkResult> rows, String jdk) {
        return rows.stream().map(r -> new BenchmarkResult(r.benchmark(), r.mode(), r.threads(), r.forks(), r.params(),
                r.primary(), r.secondary(), vm(jdk))).toList();
    }

    /** The rows of one benchmark class. */
    static List<BenchmarkResult> ofClass(List<BenchmarkResult> rows, String className) {
        return rows.stream().filter(r -> r.className().equals(className)).toList();
    }

    /** Every benchmark of the suite, with plausible two-core figures. */
    static List<BenchmarkResult> suite() {
        List<BenchmarkResult> rows = new ArrayList<>();
        String[] models = {"SEQUENTIAL", "PLATFORM_THREADS", "FIXED_POOL", "CACHED_POOL", "FORK_JOIN",
            "FORK_JOIN_MANAGED", "VIRTUAL_THREADS", "COMPLETABLE_FUTURE", "NON_BLOCKING_ASYNC", "PROCESS_POOL", "PROCESS_PER_TASK"};
        double[] cpu = {600, 310, 305, 308, 303, 304, 306, 309, 307, 330, 900};
        double[] io = {1002, 101, 503, 101, 502, 102, 100.5, 503, 100.4, 505, 450};
        for (int i = 0; i < models.length; i++) {
            rows.add(ss("CpuBoundBenchmark.fibList", params("model", models[i], "fibs", FIBS), cpu[i], cpu[i] * 0.03));
        }
        rows.add(ss("CpuBoundBenchmark.fibListRecursiveForkJoin", params("fibs", FIBS, "threshold", "20"), 302, 5));
        for (int i = 0; i < models.length; i++) {
            rows.add(ss("IoBoundBenchmark.sleepTasks", params("model", models[i], "sleepMs", "100", "tasks", "10"), io[i], 1.5));
        }
        String[] unbounded = {"PLATFORM_THREADS", "CACHED_POOL", "FORK_JOIN_MANAGED", "VIRTUAL_THREADS", "NON_BLOCKING_ASYNC"};
        double[] perTask = {0.08, 0.06, 0.09, 0.004, 0.003};
        for (int i = 0; i < unbounded.length; i++) {
            for (int n : new int[] {100, 1000, 10000}) {
                rows.add(ss("IoScalingBenchmark.sleepTasks", params("model", unbounded[i], "sleepMs", "100", "tasks", "" + n),
                        100 + perTask[i] * n, 2));
            }
        }
        rows.add(ss("IoScalingBenchmark.virtualThreads100k", params("sleepMs", "100", "tasks", "100000"), 260, 20));
        rows.add(ss("PinningBenchmark.sleepWhileHoldingLock", params("lock", "MONITOR", "sleepMs", "10", "tasks", "100"), 510, 4));
        rows.add(ss("PinningBenchmark.sleepWhileHoldingLock", params("lock", "REENTRANT_LOCK", "sleepMs", "10", "tasks", "100"), 11, 0.4));
        Map<String, String> async = params("failingJob", "2", "sleepMs", "100", "tasks", "5");
        rows.add(ss("AsyncBenchmark.awaitOneAtATime", async, 502, 1));
        rows.add(ss("AsyncBenchmark.blockingSleepInEventLoop", async, 503, 1));
        rows.add(ss("AsyncBenchmark.errorsCollectAll", async, 101, 1));
        rows.add(ss("AsyncBenchmark.errorsFailFast", async, 100.8, 1));
        rows.add(ss("AsyncBenchmark.gatherAll", async, 100.6, 1));
        for (String flags : new String[] {"DEFAULT", "LEAN"}) {
            double f = flags.equals("LEAN") ? 0.6 : 1;
            rows.add(ss("SpawnBenchmark.bareJvm", params("jvmFlags", flags), 80 * f, 3));
            rows.add(ss("SpawnBenchmark.workerSpawn", params("jvmFlags", flags), 120 * f, 4));
            rows.add(ss("SpawnBenchmark.pooledRoundTrip", params("jvmFlags", flags), 0.05, 0.01));
        }
        rows.addAll(counter("across"));
        return rows;
    }

    /**
     * The notebook's Python rows, as its program names them, with plausible two-core figures: threads no faster
     * than sequential (the GIL), processes nearly twice as fast; with {@code noGil}, a free-threaded build's
     * rows too, whose threads scale.
     */
    static List<BenchmarkResult> python(boolean noGil) {
        List<BenchmarkResult> rows = new ArrayList<>();
        String[] models = {"sequential", "Thread", "ThreadPoolExecutor", "Process", "Pool"};
        for (String gil : noGil ? new String[] {"on", "off"} : new String[] {"on"}) {
            double[] cpu = gil.equals("on") ? new double[] {3850, 3940, 3930, 2070, 2050} : new double[] {4400, 2300, 2250, 2450, 2400};
            double[] io = {1003, 101.5, 502, 112, 503};
            for (int i = 0; i < models.length; i++) {
                rows.add(py("CpuBound.fibList", params("fibs", FIBS, "gil", gil, "model", models[i]), cpu[i], gil));
                rows.add(py("IoBound.sleepTasks", params("gil", gil, "model", models[i], "sleepMs", "100", "tasks", "10"), io[i], gil));
            }
            Map<String, String> async = params("failingJob", "2", "gil", gil, "sleepMs", "100", "tasks", "5");
            rows.add(py("Async.awaitOneAtATime", async, 502, gil));
            rows.add(py("Async.gatherAll", async, 100.9, gil));
            rows.add(py("Async.blockingSleepInEventLoop", async, 501, gil));
            rows.add(py("Async.errorsFailFast", async, 100.7, gil));
            rows.add(py("Async.errorsCollectAll", async, 100.8, gil));
        }
        return rows;
    }

    private static BenchmarkResult py(String bench, Map<String, String> params, double score, String gil) {
        BenchmarkResult.VmInfo vm = new BenchmarkResult.VmInfo("concurrency-bench notebook.py 1", "/usr/bin/python3",
                gil.equals("on") ? "3.11.7" : "3.14.0", gil.equals("on") ? "CPython" : "CPython (free-threaded build)", "",
                List.of(), 1, "single-shot", 1, "single-shot");
        return new BenchmarkResult("python." + bench, BenchMode.SINGLE_SHOT_TIME, 1, 3, params,
                metric(score, score * 0.02, "ms/op"), Map.of(), vm);
    }

    /** The counter's rows, with the place it is shared in the param {@code across} (or the legacy {@code mode}). */
    static List<BenchmarkResult> counter(String acrossParam) {
        List<BenchmarkResult> rows = new ArrayList<>();
        String[] variants = {"NAIVE", "FILE", "FILE_LOCKED", "QUEUE", "ATOMIC", "MMAP_CAS"};
        double[] speed = {0.5, 40, 90, 20, 1.2, 3};
        for (String across : new String[] {"THREADS", "PROCESSES"}) {
            for (int i = 0; i < variants.length; i++) {
                double runsPerSecond = 1000 / (speed[i] * (across.equals("PROCESSES") ? 5 : 1));
                double made = runsPerSecond * 8000;
                boolean exact = CounterLesson.exactness(variants[i], across) == CounterLesson.Exactness.EXACT;
                double kept = exact ? made : made * 0.4;
                rows.add(result(PKG + "CounterBenchmark.incrementShared", BenchMode.THROUGHPUT, "ops/s",
                        params("variant", variants[i], acrossParam, across, "workers", "8", "increments", "1000"),
                        runsPerSecond, runsPerSecond * 0.05, Map.of(
                                "made", metric(made, made * 0.05, "ops/s"),
                                "kept", metric(kept, kept * 0.05, "ops/s"))));
            }
        }
        return rows;
    }

    // ------------------------------------------------------------------ -prof cpu and core checks (made here, not measured)

    /**
     * {@code row} with the figures of {@code -prof cpu} (bench/UsageProfiler), made up by this test
     * code: CPU time {@code cores} x the score, and the given threads and MB, and (from /proc only) a
     * {@code cpu.profiler} that no chart may show. Units as measured from /proc, or as the JVM-only
     * fallback when {@code jvmOnly}.
     */
    static BenchmarkResult withUsage(BenchmarkResult row, double cores, double threads, double mb, boolean jvmOnly) {
        Scope scope = jvmOnly ? Scope.JVM_ONLY : Scope.PROCESS_TREE;
        Map<String, Metric> secondary = new LinkedHashMap<>(row.secondary());
        secondary.put(UsageMetric.CPU_TIME.label(), metric(cores * row.primary().score(), Double.NaN, UsageMetric.CPU_TIME.unit(scope)));
        secondary.put(UsageMetric.CPU_CORES.label(), metric(cores, 0.01, UsageMetric.CPU_CORES.unit(scope)));
        secondary.put(UsageMetric.OS_THREADS_PEAK.label(), metric(threads, Double.NaN, UsageMetric.OS_THREADS_PEAK.unit(scope)));
        if (!jvmOnly) {
            secondary.put(UsageMetric.RSS_PEAK.label(), metric(mb, Double.NaN, UsageMetric.RSS_PEAK.unit(scope)));
            secondary.put(UsageMetric.CPU_PROFILER.label(), metric(0.01 * row.primary().score(), Double.NaN,
                    UsageMetric.CPU_PROFILER.unit(scope)));
        }
        return new BenchmarkResult(row.benchmark(), row.mode(), row.threads(), row.forks(), row.params(), row.primary(),
                secondary, row.vm());
    }

    /**
     * A core check as {@link CoreCheck#of} makes it from samples, made up by this test code: CPU i
     * takes {@code millis[i]} ms per call in every round (a steady machine), so the relative
     * speeds are the fastest time over each.
     */
    static CoreCheck check(double... millis) {
        double[][] samples = new double[millis.length][];
        for (int i = 0; i < millis.length; i++) {
            samples[i] = new double[] {millis[i], millis[i], millis[i]};
        }
        return CoreCheck.of("2026-01-01T00:00:00Z", "fib(30)", 20, "sched_setaffinity", CpuList.firstN(millis.length), samples);
    }

    /** A check whose CPU 0 took turns between two speeds, one half again as slow as the other: unsteady. */
    static CoreCheck unsteadyCheck(int cpus) {
        double[][] samples = new double[cpus][];
        for (int i = 0; i < cpus; i++) {
            samples[i] = i == 0 ? new double[] {5, 7.5, 5, 7.5, 5, 7.5, 5, 7.5, 5} : new double[] {5, 5, 5, 5, 5, 5, 5, 5, 5};
        }
        return CoreCheck.of("2026-01-01T00:00:00Z", "fib(30)", 20, "sched_setaffinity", CpuList.firstN(cpus), samples);
    }

    /** A results file whose sidecar has {@code cores} logical cores and these core checks (either may be null). */
    static ResultsFile withChecks(String name, List<BenchmarkResult> rows, int cores, CoreCheck before, CoreCheck after) {
        Environment env = sidecar(cores, "2026-01-01T00:00:00Z").withMachine(null, before, after);
        return new ResultsFile(Path.of(name), onJdk(rows, "21.0.5"), Optional.of(env));
    }

    // ------------------------------------------------------------------ reading a plan

    static ChartPlanner.Plan plan(ResultsFile... runs) {
        return ChartPlanner.plan(List.of(runs), null);
    }

    /** The one chart of {@code type} that {@code which} picks. */
    static <T extends ChartSpec> T chart(ChartPlanner.Plan plan, Class<T> type, Predicate<ChartSpec> which) {
        List<T> found = plan.charts().stream().filter(which).filter(type::isInstance).map(type::cast).toList();
        assertEquals(1, found.size(), "charts matching: " + plan.charts().stream().map(ChartSpec::id).toList());
        return found.get(0);
    }

    static Predicate<ChartSpec> idStarts(String prefix) {
        return c -> c.id().startsWith(prefix);
    }

    static Bar bar(BarChartSpec chart, String label) {
        return chart.bars().stream().filter(b -> b.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no bar " + label + " in " + chart.bars()));
    }

    static BenchmarkResult row(List<BenchmarkResult> rows, String method, String param, String value) {
        return rows.stream().filter(r -> r.method().equals(method) && value.equals(r.param(param))).findFirst().orElseThrow();
    }
}
