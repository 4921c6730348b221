package dev.concurrencybench.model;

import dev.concurrencybench.process.ProcessPerTaskRunner;
import dev.concurrencybench.process.WorkerPool;
import dev.concurrencybench.process.WorkerSpec;
import dev.concurrencybench.runner.RunnerOptions;
import dev.concurrencybench.runner.TaskRunner;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Every way this suite can run a batch of tasks. Benchmarks take it as {@code @Param model}; tests
 * iterate it with {@code @EnumSource}. A new model is one constant here plus, if needed, one
 * runner class.
 */
public enum ExecutionModel {
    /** The baseline: one task after another on the caller's thread. */
    SEQUENTIAL(o -> new SequentialRunner()),
    /** A new platform thread per task, started and joined (Python's threading.Thread). */
    PLATFORM_THREADS(o -> new ExecutorRunner(Executors.newThreadPerTaskExecutor(Threads.platform("platform")))),
    /** A fixed pool of {@code parallelism} threads. */
    FIXED_POOL(o -> new ExecutorRunner(Executors.newFixedThreadPool(o.parallelism(), Threads.platform("fixed")))),
    /** A cached pool: reuses idle threads, otherwise starts a new one, without bound. */
    CACHED_POOL(o -> new ExecutorRunner(Executors.newCachedThreadPool(Threads.platform("cached")))),
    /** An explicit ForkJoinPool of {@code parallelism}; a blocking task blocks a worker. */
    FORK_JOIN(o -> new ForkJoinRunner(o.parallelism(), false)),
    /** The same pool, but blocking tasks go through ForkJoinPool.managedBlock, so it adds threads. */
    FORK_JOIN_MANAGED(o -> new ForkJoinRunner(o.parallelism(), true)),
    /** A virtual thread per task, on the JDK's default virtual-thread scheduler. */
    VIRTUAL_THREADS(o -> new ExecutorRunner(Executors.newThreadPerTaskExecutor(Threads.virtual("virtual")))),
    /** supplyAsync per task plus allOf, on an explicit fixed pool of {@code parallelism}. */
    COMPLETABLE_FUTURE(o -> new CompletableFutureRunner(o.parallelism())),
    /**
     * Like {@code await asyncio.sleep}: a sleep is a timer that completes a future, so no thread
     * waits; compute tasks run on a fixed pool of {@code parallelism}.
     */
    NON_BLOCKING_ASYNC(o -> new NonBlockingAsyncRunner(o.parallelism())),
    /**
     * A fresh worker JVM per task, all started at once (Python's multiprocessing.Process per
     * task); the task travels on the worker's stdin, its result comes back with the worker's PID.
     */
    PROCESS_PER_TASK(o -> new ProcessPerTaskRunner(WorkerSpec.of(o))),
    /**
     * {@code workers} persistent worker JVMs started when the runner is created and fed tasks over
     * a line protocol, so each runs many tasks (Python's Pool(K).map).
     */
    PROCESS_POOL(o -> new WorkerPool(WorkerSpec.of(o), o.workers()));

    private final Function<RunnerOptions, TaskRunner> factory;

    ExecutionModel(Function<RunnerOptions, TaskRunner> factory) {
        this.factory = factory;
    }

    public TaskRunner create() {
        return create(RunnerOptions.defaults());
    }

    public TaskRunner create(RunnerOptions options) {
        return factory.apply(options);
    }
}
