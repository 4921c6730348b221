package dev.concurrencybench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.concurrencybench.Leaks;
import dev.concurrencybench.runner.RunnerOptions;
import dev.concurrencybench.runner.TaskRunner;
import dev.concurrencybench.task.LocalTask;
import dev.concurrencybench.task.Task;
import dev.concurrencybench.task.TaskResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * How many tasks each model really has in flight at once, proven with a latch instead of a clock:
 * every task waits until {@code parties} tasks have arrived. A model that can hold all N waiting
 * tasks at once finishes; one that cannot would time out (bounded) and fail.
 */
class InFlightTest {

    private static final int N = 1000;

    /** Counts tasks in flight and the most ever seen; each task waits for {@code parties} arrivals. */
    static final class Rendezvous {
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger max = new AtomicInteger();
        final CountDownLatch arrived;
        final int parties;

        Rendezvous(int parties) {
            this.parties = parties;
            arrived = new CountDownLatch(parties);
        }

        List<Task> tasks(int n) {
            List<Task> tasks = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                tasks.add(new LocalTask() {
                    @Override
                    public long run() throws InterruptedException {
                        max.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                        try {
                            arrived.countDown();
                            if (!arrived.await(Leaks.BOUND.toSeconds(), TimeUnit.SECONDS)) {
                                throw new IllegalStateException("only " + (parties - arrived.getCount()) + " of " + parties + " tasks ever in flight together");
                            }
                            return 1;
                        } finally {
                            inFlight.decrementAndGet();
                        }
                    }

                    @Override
                    public boolean blocks() {
                        return true;
                    }
                });
            }
            return tasks;
        }
    }

    @ParameterizedTest
    @EnumSource(value = ExecutionModel.class, names = {"PLATFORM_THREADS", "CACHED_POOL", "FORK_JOIN_MANAGED", "VIRTUAL_THREADS"})
    void unboundedModelsHaveAllTasksInFlightAtOnce(ExecutionModel model) {
        Rendezvous r = new Rendezvous(N);
        try (TaskRunner runner = model.create()) {
            List<TaskResult> results = runner.runAll(r.tasks(N));
            assertEquals(N, results.size());
        }
        assertEquals(N, r.max.get(), model + " never had all " + N + " tasks in flight");
    }

    @ParameterizedTest
    @EnumSource(value = ExecutionModel.class, names = {"FIXED_POOL", "FORK_JOIN", "COMPLETABLE_FUTURE"})
    void boundedModelsNeverExceedTheirPoolSize(ExecutionModel model) {
        int pool = 3;
        Rendezvous r = new Rendezvous(pool);
        try (TaskRunner runner = model.create(RunnerOptions.defaults().withParallelism(pool))) {
            assertEquals(4 * pool, runner.runAll(r.tasks(4 * pool)).size());
        }
        assertEquals(pool, r.max.get(), model + " must fill its pool of " + pool + " and never exceed it");
    }

    @ParameterizedTest
    @EnumSource(value = ExecutionModel.class, names = {"SEQUENTIAL"})
    void sequentialRunsOneAtATime(ExecutionModel model) {
        Rendezvous r = new Rendezvous(1);
        try (TaskRunner runner = model.create()) {
            runner.runAll(r.tasks(5));
        }
        assertEquals(1, r.max.get());
    }
}
