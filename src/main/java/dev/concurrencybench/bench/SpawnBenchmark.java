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
import dev.concurrencybench.util.TempDirs;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * nothing and waits for its exit (the floor); {@code workerSpawn} starts a worker JVM, runs one
 * trivial task in it and waits for the answer and the exit (one PROCESS_PER_TASK task);
 * {@code pooledRoundTrip} sends the same task to a worker already running (one PROCESS_POOL task).
 * {@code jvmFlags} starts every child with the JVM's defaults or with startup-lean ones. Targets:
 * workerSpawn at most 1.1x bareJvm; pooledRoundTrip a median of at most 100 us, 250x below
 * workerSpawn.
 *
 * <p>Run: {@code java -jar target/benchmarks.jar SpawnBenchmark -p jvmFlags=DEFAULT,LEAN}
 */
// Times here span orders of magnitude, so each method has its own mode, all in microseconds so
// that the ratios read straight off. A spawn is one long call: single shots as in the rest of the
// suite, many per fork because process start-up is noisy. A round trip is too short to time alone,
// so pooledRoundTrip samples every call for 1 s per iteration (SampleTime), which gives the median
// its target is stated in; its JSON keeps the calls in rawDataHistogram instead of rawData. Three
// forks, as each already holds many spawns. Starting processes is the point of bareJvm and
// workerSpawn, hence their names; the pool and the CDS archives are made in setup.
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 3, jvmArgsAppend = {Heap.XMS, Heap.XMX})
public class SpawnBenchmark {

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
        public void setup() throws IOException, InterruptedException {
            tempDir = TempDirs.create("spawn-benchmark-");
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
        public void close() {
            if (pool != null) {
                pool.close();
            }
            if (perTask != null) {
                perTask.close();
            }
            TempDirs.delete(tempDir);
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
