package dev.concurrencybench.bench;

import dev.concurrencybench.process.ChildJvm;
import dev.concurrencybench.process.EmptyMain;
import dev.concurrencybench.process.JavaCommand;
import dev.concurrencybench.process.JvmFlags;
import dev.concurrencybench.process.ProcessPerTaskRunner;
import dev.concurrencybench.process.WorkerMain;
import dev.concurrencybench.process.WorkerPool;
import dev.concurrencybench.process.WorkerSpec;
import dev.concurrencybench.task.Fib;
import dev.concurrencybench.task.Task;
import dev.concurrencybench.task.TaskResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a process costs, side by side in one run: {@code bareJvm} starts a JVM whose main does
 * nothing and waits for it to exit (the floor); {@code workerSpawn} starts a worker JVM, runs one
 * trivial task ({@code fib 1}) in it and waits for its answer and its exit (one PROCESS_PER_TASK
 * task); {@code pooledRoundTrip} sends the same task to a worker that is already running (one
 * PROCESS_POOL task). {@code jvmFlags} starts every child JVM with the JVM's defaults or with
 * startup-lean flags (C1 only, Serial GC, a dynamic CDS archive made in a temp dir at setup).
 * Creating processes is the point of the first two methods, hence the names; the pool and the
 * CDS archives are made in setup, so no measured call starts a pool worker or dumps an archive.
 *
 * <p>Targets, as ratios from one run: {@code workerSpawn} at most 1.1x {@code bareJvm} with the
 * same flags (compare the medians of their single shots); {@code pooledRoundTrip} at most 100 us
 * median (p0.50) and at least 250x cheaper than {@code workerSpawn}. The figure to beat: a bare
 * JDK 25 hello-world spawn took about 25-38 ms on the reference machine.
 *
 * <p>Run: {@code java -jar target/benchmarks.jar SpawnBenchmark -p jvmFlags=DEFAULT,LEAN}
 */
// Times here run from ~20 us to ~100 ms, so the suite's defaults are overridden per method, in
// microseconds for all three so that the ratios read straight off. A spawn is one long call: one
// single shot per iteration, as in the rest of the suite (rawData keeps every call), with 40 of
// them per fork because process start-up is noisy. A round trip is too short to time alone, so
// pooledRoundTrip samples every call for 1 s per iteration (SampleTime), which gives the median
// its target is stated in; its JSON keeps the calls in rawDataHistogram instead of rawData.
// Three forks, not the suite's ten: each fork already holds 40 spawns, and ten forks of them
// would take this class alone past eight minutes.
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class SpawnBenchmark extends BenchDefaults {

    @State(Scope.Benchmark)
    public static class Spawn {
        @Param
        public JvmFlags jvmFlags;

        /** A hung child fails the call after this long instead of stalling the run. */
        @Param("60")
        public int timeoutSeconds;

        Path tempDir;
        Duration timeout;
        List<String> bareCommand;
        ProcessPerTaskRunner perTask;
        WorkerPool pool;
        Task trivial;
        List<Task> trivialBatch;

        @Setup(Level.Trial)
        public void open() throws IOException, InterruptedException {
            tempDir = Files.createTempDirectory("spawn-benchmark-");
            timeout = Duration.ofSeconds(timeoutSeconds);
            String classPath = JavaCommand.classPathOf(WorkerMain.class);
            bareCommand = EmptyMain.command(jvmFlags.flags(tempDir.resolve("bare.jsa"), classPath));
            WorkerSpec spec = new WorkerSpec(jvmFlags.flags(tempDir.resolve("worker.jsa"), classPath),
                    WorkerMain.class, List.of(), timeout);
            trivial = new Fib(1);
            trivialBatch = List.of(trivial);
            // One run of each writes its CDS archive (LEAN), which every later start maps.
            ChildJvm.runToExit(bareCommand, timeout);
            perTask = new ProcessPerTaskRunner(spec);
            perTask.run(trivial);
            pool = new WorkerPool(spec, 1);
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            if (pool != null) {
                pool.close();
            }
            if (perTask != null) {
                perTask.close();
            }
            if (tempDir != null) {
                try (Stream<Path> files = Files.walk(tempDir)) {
                    for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 5)
    @Measurement(iterations = 40)
    public int bareJvm(Spawn s) throws IOException, InterruptedException {
        return ChildJvm.runToExit(s.bareCommand, s.timeout);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 5)
    @Measurement(iterations = 40)
    public TaskResult workerSpawn(Spawn s) {
        return s.perTask.run(s.trivial);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @Warmup(iterations = 3, time = 1)
    @Measurement(iterations = 5, time = 1)
    public List<TaskResult> pooledRoundTrip(Spawn s) {
        return s.pool.runAll(s.trivialBatch);
    }
}
