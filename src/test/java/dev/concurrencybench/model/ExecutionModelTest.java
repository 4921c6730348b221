package dev.concurrencybench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concurrencybench.Leaks;
import dev.concurrencybench.runner.RunnerOptions;
import dev.concurrencybench.runner.TaskRunner;
import dev.concurrencybench.task.Fib;
import dev.concurrencybench.task.LocalTask;
import dev.concurrencybench.task.Task;
import dev.concurrencybench.task.TaskFailedException;
import dev.concurrencybench.task.TaskResult;
import dev.concurrencybench.task.Tasks;
import dev.concurrencybench.util.Enums;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every model, driven by the enum: right answers, in order, and nothing left running after close. */
class ExecutionModelTest {

    private static final String FIBS = "25,20,15,10,5,1,0";
    private static final List<Long> KNOWN = List.of(75025L, 6765L, 610L, 55L, 5L, 1L, 0L);

    @ParameterizedTest
    @EnumSource(ExecutionModel.class)
    void everyModelReturnsTheKnownFibValuesInTaskOrder(ExecutionModel model) {
        try (TaskRunner runner = model.create()) {
            List<TaskResult> results = runner.runAll(Tasks.fibs(FIBS));
            assertEquals(KNOWN, results.stream().map(TaskResult::value).toList());
            // A runner is reusable: a second batch gives the same answers.
            assertEquals(KNOWN, runner.runAll(Tasks.fibs(FIBS)).stream().map(TaskResult::value).toList());
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutionModel.class)
    void everyModelRunsSleepsAndReportsWhereEachRan(ExecutionModel model) {
        try (TaskRunner runner = model.create()) {
            List<TaskResult> results = runner.runAll(Tasks.sleeps(4, 1));
            assertEquals(4, results.size());
            for (TaskResult r : results) {
                assertEquals(1, r.value());
                assertTrue(r.pid() > 0);
                assertTrue(!r.thread().isBlank());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutionModel.class)
    void closingARunnerLeavesNoThreadBehind(ExecutionModel model) {
        Set<Thread> before = Leaks.liveThreads();
        try (TaskRunner runner = model.create(RunnerOptions.defaults())) {
            runner.runAll(Tasks.fibs("20,19,18,17"));
            runner.runAll(Tasks.sleeps(20, 1));
        }
        Leaks.assertNoNewThreads(before);
        Leaks.assertNoChildProcesses();
    }

    /** In-JVM models only: a LocalTask cannot reach a worker process (the process tests cover failures there). */
    @ParameterizedTest
    @EnumSource(value = ExecutionModel.class, mode = EnumSource.Mode.MATCH_NONE, names = "PROCESS_.*")
    void aFailingTaskIsNamedInTheError(ExecutionModel model) {
        Task bad = new LocalTask() {
            @Override
            public long run() {
                throw new IllegalStateException("boom");
            }

            @Override
            public boolean blocks() {
                return false;
            }

            @Override
            public String toString() {
                return "the-bad-task";
            }
        };
        List<Task> tasks = new ArrayList<>(Tasks.fibs("10,11"));
        tasks.add(bad);
        try (TaskRunner runner = model.create()) {
            RuntimeException e = assertThrows(RuntimeException.class, () -> runner.runAll(tasks));
            assertInstanceOf(TaskFailedException.class, e);
            assertTrue(e.getMessage().contains("the-bad-task") && e.getMessage().contains("boom"), e.getMessage());
        }
    }

    /** Where a model runs its tasks: in this JVM or a worker JVM, and on threads named how. */
    private record Where(boolean thisJvm, String threadPrefix) {
    }

    /** Every model described; there is no default branch, so a new model does not compile here until it is. */
    private static Where where(ExecutionModel model) {
        return switch (model) {
            case SEQUENTIAL -> new Where(true, Thread.currentThread().getName());
            case PLATFORM_THREADS -> new Where(true, "platform-");
            case FIXED_POOL -> new Where(true, "fixed-");
            case CACHED_POOL -> new Where(true, "cached-");
            case FORK_JOIN -> new Where(true, "fj-");
            case FORK_JOIN_MANAGED -> new Where(true, "fj-managed-");
            case VIRTUAL_THREADS -> new Where(true, "virtual-");
            case COMPLETABLE_FUTURE -> new Where(true, "cf-");
            case NON_BLOCKING_ASYNC -> new Where(true, "async-");
            case PROCESS_PER_TASK, PROCESS_POOL -> new Where(false, "main");
        };
    }

    @ParameterizedTest
    @EnumSource(ExecutionModel.class)
    void everyModelRunsItsTasksWhereItsDescriptionSays(ExecutionModel model) {
        long me = ProcessHandle.current().pid();
        Where where = where(model);
        try (TaskRunner runner = model.create(RunnerOptions.defaults().withWorkers(1))) {
            for (TaskResult r : runner.runAll(Tasks.fibs("10,9,8"))) {
                assertEquals(where.thisJvm(), r.pid() == me, () -> model + " ran in process " + r.pid() + "; this JVM is " + me);
                assertTrue(r.thread().startsWith(where.threadPrefix()), () -> model + " ran on thread " + r.thread());
            }
        }
    }

    @Test
    void nonBlockingAsyncFinishesSleepsOnItsTimerThread() {
        try (TaskRunner runner = ExecutionModel.NON_BLOCKING_ASYNC.create()) {
            assertTrue(runner.runAll(Tasks.sleeps(3, 1)).stream().allMatch(r -> r.thread().equals("timer-0")));
        }
    }

    @Test
    void unknownModelNamesListTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Enums.parse(ExecutionModel.class, "model", "GREEN_THREADS"));
        assertEquals("unknown model 'GREEN_THREADS'; valid: " + String.join(", ", Enums.names(ExecutionModel.class)), e.getMessage());
        assertTrue(e.getMessage().contains("VIRTUAL_THREADS"), e.getMessage());
        assertEquals(ExecutionModel.FORK_JOIN, Enums.parse(ExecutionModel.class, "model", " FORK_JOIN "));
    }

    @Test
    void forkJoinFibMatchesTheSequentialRecursion() {
        try (var pool = new java.util.concurrent.ForkJoinPool(2)) {
            for (int n : new int[] {0, 1, 2, 10, 25}) {
                assertEquals(Fib.fib(n), ForkJoinFib.compute(pool, n, 5));
            }
            assertThrows(IllegalArgumentException.class, () -> ForkJoinFib.compute(pool, 93, 20));
            assertThrows(IllegalArgumentException.class, () -> ForkJoinFib.compute(pool, 10, 1));
        }
    }

    @Test
    void taskFailedExceptionWrapsOnce() {
        Task t = new Fib(3);
        TaskFailedException first = TaskFailedException.of(t, new RuntimeException("x"));
        assertInstanceOf(TaskFailedException.class, first);
        assertEquals(first, TaskFailedException.of(t, first));
        assertTrue(first.getMessage().contains("fib 3"));
    }
}
