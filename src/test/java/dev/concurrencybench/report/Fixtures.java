package dev.concurrencybench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small hand-made runs shaped like this suite's results, for chart tests that need no JSON. */
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

    static Measurement ss(String bench, Map<String, String> params, double score, double error) {
        return new Measurement(PKG + bench, "ss", "ms/op", params, score, error);
    }

    static RunEnvironment env(int cores, String jdk) {
        return new RunEnvironment(true, "Test CPU @ 2.0GHz", cores, "24.0 GiB", "Linux 6.1", jdk, "-Xms2g -Xmx2g",
                "abc1234", "2026-01-01T00:00:00Z", "full", Map.of());
    }

    /** Every benchmark of the suite, with plausible two-core figures. */
    static List<Measurement> suite() {
        List<Measurement> rows = new ArrayList<>();
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
        String[] variants = {"NAIVE", "FILE", "FILE_LOCKED", "QUEUE", "ATOMIC", "MMAP_CAS"};
        double[] speed = {0.5, 40, 90, 20, 1.2, 3};
        for (String mode : new String[] {"THREADS", "PROCESSES"}) {
            for (int i = 0; i < variants.length; i++) {
                double runsPerSecond = 1000 / (speed[i] * (mode.equals("PROCESSES") ? 5 : 1));
                double made = runsPerSecond * 8000;
                double kept = CounterExactness.of(variants[i], mode) == CounterExactness.Exactness.EXACT ? made : made * 0.4;
                rows.add(new Measurement(PKG + "CounterBenchmark.incrementShared", "thrpt", "ops/s",
                        params("variant", variants[i], "mode", mode, "workers", "8", "increments", "1000"),
                        runsPerSecond, runsPerSecond * 0.05, Map.of(
                                "made", new Measurement.Secondary(made, made * 0.05, "ops/s"),
                                "kept", new Measurement.Secondary(kept, kept * 0.05, "ops/s"))));
            }
        }
        return rows;
    }

    static Run run(String name, List<Measurement> rows, RunEnvironment env) {
        return new Run(name, rows, env);
    }
}
