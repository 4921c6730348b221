package dev.concurrencybench.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concurrencybench.Leaks;
import dev.concurrencybench.model.ExecutionModel;
import dev.concurrencybench.model.LockKind;
import dev.concurrencybench.runner.RunnerOptions;
import dev.concurrencybench.runner.TaskRunner;
import dev.concurrencybench.task.Fib;
import dev.concurrencybench.task.Sleep;
import dev.concurrencybench.task.Task;
import dev.concurrencybench.task.TaskFailedException;
import dev.concurrencybench.task.TaskResult;
import dev.concurrencybench.task.Tasks;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProcessModelsTest {

    private static final long PARENT = ProcessHandle.current().pid();
    private static final Fib FIB = new Fib(10);
    /** Far longer than any test's timeout: a task that only ends when its worker is killed. */
    private static final Sleep FOREVER = Sleep.ofMillis(600_000);

    private Set<Thread> threadsBefore;

    @BeforeEach
    void snapshot() {
        Leaks.assertNoChildProcesses();
        threadsBefore = Leaks.liveThreads();
    }

    @AfterEach
    void nothingLeftBehind() {
        Leaks.assertNoChildProcesses();
        Leaks.assertNoNewThreads(threadsBefore);
    }

    @ParameterizedTest
    @EnumSource(names = {"PROCESS_PER_TASK", "PROCESS_POOL"})
    void processModelsGiveTheRightAnswersFromOtherProcesses(ExecutionModel model) {
        List<Task> tasks = Tasks.fibs("20,15,10,5,1,0");
        try (TaskRunner runner = model.create()) {
            List<TaskResult> results = runner.runAll(tasks);
            assertEquals(List.of(6765L, 610L, 55L, 5L, 1L, 0L), results.stream().map(TaskResult::value).toList());
            assertTrue(results.stream().noneMatch(r -> r.pid() == PARENT), () -> "a task ran in the parent: " + results);
            assertEquals(List.of(25L, 0L), runner.runAll(List.of(Sleep.ofMillis(25), Sleep.ofMillis(0)))
                    .stream().map(TaskResult::value).toList());
        }
    }

    @Test
    void processPerTaskGivesEachTaskItsOwnProcess() {
        try (TaskRunner runner = ExecutionModel.PROCESS_PER_TASK.create()) {
            List<TaskResult> results = runner.runAll(Tasks.fibs("5,6,7,8"));
            Set<Long> pids = results.stream().map(TaskResult::pid).collect(Collectors.toSet());
            assertEquals(4, pids.size(), () -> "PIDs: " + results);
            assertFalse(pids.contains(PARENT));
            assertTrue(results.stream().allMatch(r -> r.thread().equals("main")), () -> "threads: " + results);
        }
    }

    /**
     * Python's {@code Pool(3).map} over five tasks, twice: every task runs in one of the pool's
     * three processes and all three take part (an idle worker is taken first in, first out, so the
     * first three tasks of a batch go to three different workers). Ten tasks in the same three
     * processes, none replaced: the processes are reused, not started per task.
     */
    @Test
    void poolOfThreeRunsEveryBatchInExactlyItsThreeProcesses() {
        try (WorkerPool pool = new WorkerPool(WorkerSpec.of(RunnerOptions.defaults()), 3)) {
            Set<Long> poolPids = Set.copyOf(pool.pids());
            assertEquals(3, poolPids.size());
            assertFalse(poolPids.contains(PARENT));
            for (int batch = 0; batch < 2; batch++) {
                List<TaskResult> results = pool.runAll(Tasks.fibs("20,19,18,17,16"));
                assertEquals(List.of(6765L, 4181L, 2584L, 1597L, 987L), results.stream().map(TaskResult::value).toList());
                Set<Long> pids = results.stream().map(TaskResult::pid).collect(Collectors.toSet());
                assertEquals(poolPids, pids, () -> "the pool is " + poolPids + "; tasks ran in " + results);
            }
            assertEquals(poolPids, Set.copyOf(pool.pids()), "a worker was replaced");
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"PROCESS_PER_TASK", "PROCESS_POOL"})
    void localTasksAreRejectedBeforeAnyWorkerStarts(ExecutionModel model) {
        List<Task> local = LockKind.MONITOR.tasks(1, 1);
        try (TaskRunner runner = model.create(RunnerOptions.defaults().withWorkers(1))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> runner.runAll(local));
            assertTrue(e.getMessage().contains("LocalTask") && e.getMessage().contains("holding a monitor"), e.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"PROCESS_PER_TASK", "PROCESS_POOL"})
    void aCrashMidTaskNamesTheTaskAndQuotesStderr(ExecutionModel model) {
        try (TaskRunner runner = create(model, misbehaving("crash", Duration.ofMinutes(1)))) {
            TaskFailedException e = assertThrows(TaskFailedException.class, () -> runner.runAll(List.of(FIB)));
            assertTrue(e.getMessage().contains("'fib 10'"), e.getMessage());
            assertTrue(e.getMessage().contains("exit status 3"), e.getMessage());
            assertTrue(e.getMessage().contains(MisbehavingWorker.CRASH_MESSAGE), e.getMessage());
        }
    }

    @Test
    void aPoolReplacesACrashedWorker() {
        try (WorkerPool pool = new WorkerPool(WorkerSpec.of(RunnerOptions.defaults()), 1)) {
            long first = pool.pids().get(0);
            ProcessHandle.of(first).orElseThrow().destroyForcibly();
            TaskFailedException e = assertThrows(TaskFailedException.class, () -> pool.runAll(List.of(FIB)));
            assertTrue(e.getMessage().contains("'fib 10'") && e.getMessage().contains("died"), e.getMessage());
            TaskResult next = pool.runAll(List.of(FIB)).get(0);
            assertEquals(55, next.value());
            assertTrue(next.pid() != first && next.pid() != PARENT, () -> "ran in " + next.pid());
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"PROCESS_PER_TASK", "PROCESS_POOL"})
    void aHungWorkerIsKilledAfterTheTimeoutAndTheTaskFails(ExecutionModel model) {
        RunnerOptions options = RunnerOptions.defaults().withWorkers(1).withWorkerTimeout(Duration.ofSeconds(3));
        try (TaskRunner runner = model.create(options)) {
            TaskFailedException e = assertThrows(TaskFailedException.class, () -> runner.runAll(List.of(FOREVER)));
            assertTrue(e.getMessage().contains("'sleep 600000'"), e.getMessage());
            assertTrue(e.getMessage().contains("no answer") && e.getMessage().contains("killed"), e.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"PROCESS_PER_TASK", "PROCESS_POOL"})
    void closingWithTasksInFlightKillsTheWorkersAndFailsTheTasks(ExecutionModel model) throws InterruptedException {
        TaskRunner runner = model.create(RunnerOptions.defaults().withWorkers(2));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread batch = Thread.ofPlatform().name("test-batch").start(() -> {
            try {
                runner.runAll(List.of(FOREVER, FOREVER, FOREVER));
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        // In flight: two pool workers busy, or three per-task workers started.
        int expected = model == ExecutionModel.PROCESS_POOL ? 2 : 3;
        Leaks.waitFor("tasks in flight", () -> busy(runner) >= expected, () -> "busy: " + busy(runner));
        runner.close();
        batch.join(Leaks.BOUND);
        assertFalse(batch.isAlive(), "runAll did not return after close");
        TaskFailedException e = assertInstanceOf(TaskFailedException.class, failure.get());
        assertTrue(e.getMessage().contains("'sleep 600000'") && e.getMessage().contains("closed"), e.getMessage());
    }

    private static long busy(TaskRunner runner) {
        if (runner instanceof WorkerPool pool) {
            return pool.tasksInFlight();
        }
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive).count();
    }

    @Test
    void aMalformedReplyIsAnErrorNamingTheTaskNotAHang() {
        try (TaskRunner runner = new WorkerPool(misbehaving("garbage", Duration.ofMinutes(5)), 1)) {
            TaskFailedException e = assertThrows(TaskFailedException.class, () -> runner.runAll(List.of(FIB)));
            assertTrue(e.getMessage().contains("'fib 10'"), e.getMessage());
            assertTrue(e.getMessage().contains("malformed reply") && e.getMessage().contains("'ok banana'"), e.getMessage());
        }
    }

    @Test
    void aTaskThatThrowsInAWorkerFailsButKeepsTheWorker() {
        try (WorkerPool pool = new WorkerPool(misbehaving("throws", Duration.ofMinutes(5)), 1)) {
            List<Long> before = pool.pids();
            for (int i = 0; i < 2; i++) {
                TaskFailedException e = assertThrows(TaskFailedException.class, () -> pool.runAll(List.of(FIB)));
                assertTrue(e.getMessage().contains("'fib 10'") && e.getMessage().contains(MisbehavingWorker.THROWN), e.getMessage());
            }
            assertEquals(before, pool.pids(), "a worker whose task threw was replaced");
        }
    }

    @Test
    void aWrongProtocolVersionIsAnErrorNamingTheTask() {
        try (TaskRunner runner = new ProcessPerTaskRunner(misbehaving("bad-version", Duration.ofMinutes(5)))) {
            TaskFailedException e = assertThrows(TaskFailedException.class, () -> runner.runAll(List.of(FIB)));
            assertTrue(e.getMessage().contains("'fib 10'") && e.getMessage().contains("version 99"), e.getMessage());
        }
    }

    @Test
    void aPoolWhoseWorkersSpeakAnotherVersionDoesNotStart() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new WorkerPool(misbehaving("bad-version", Duration.ofMinutes(5)), 2));
        assertTrue(e.getMessage().contains("did not start") && e.getMessage().contains("version 99"), e.getMessage());
    }

    @Test
    void aChattyWorkerCannotBlockOnAFullStderrPipe() {
        // 1 MiB of stderr per task, far beyond a 64 KiB pipe: the answers arrive only if it is drained.
        try (TaskRunner runner = new WorkerPool(misbehaving("chatty", Duration.ofMinutes(2)), 1)) {
            List<TaskResult> results = runner.runAll(List.of(FIB, new Fib(11)));
            assertEquals(List.of(55L, 89L), results.stream().map(TaskResult::value).toList());
        }
    }

    @Test
    void leanFlagsStartWorkersToo() {
        List<String> lean = JvmFlags.LEAN.flags(null, WorkerSpec.of(RunnerOptions.defaults()).classPath());
        assertTrue(lean.contains("-XX:+UseSerialGC") && lean.contains("-XX:TieredStopAtLevel=1"), lean::toString);
        try (TaskRunner runner = ExecutionModel.PROCESS_PER_TASK.create(RunnerOptions.defaults().withWorkerJvmFlags(lean))) {
            assertEquals(55, runner.runAll(List.of(FIB)).get(0).value());
        }
    }

    @Test
    void theShutdownHookKillsTheWorkersOfAJvmThatExitsWithoutClosing() throws IOException, InterruptedException {
        List<String> cmd = JavaCommand.of(List.of(), JavaCommand.classPathOf(AbandonsPool.class, WorkerMain.class),
                AbandonsPool.class, List.of());
        Process child = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            List<Long> workers;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII))) {
                workers = out.lines().map(Long::parseLong).toList();
            }
            assertTrue(child.waitFor(Leaks.BOUND.toSeconds(), TimeUnit.SECONDS), "the child JVM did not exit");
            assertEquals(0, child.exitValue());
            assertEquals(2, workers.size(), () -> "worker PIDs printed: " + workers);
            Leaks.waitFor("the abandoned workers to die",
                    () -> workers.stream().noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)),
                    workers::toString);
        } finally {
            child.destroyForcibly();
            child.waitFor(Leaks.BOUND.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private static WorkerSpec misbehaving(String mode, Duration timeout) {
        return new WorkerSpec(List.of(), MisbehavingWorker.class, List.of(mode), timeout);
    }

    private static TaskRunner create(ExecutionModel model, WorkerSpec spec) {
        assertNotNull(model);
        return model == ExecutionModel.PROCESS_POOL ? new WorkerPool(spec, 1) : new ProcessPerTaskRunner(spec);
    }
}
