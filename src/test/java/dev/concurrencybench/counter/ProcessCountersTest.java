package dev.concurrencybench.counter;

import static dev.concurrencybench.counter.CounterTesting.INCREMENTS;
import static dev.concurrencybench.counter.CounterTesting.WORKERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concurrencybench.Leaks;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every variant across worker JVMs. Interleavings are forced through the workers' stdin and
 * stdout (each reports "gap" and waits for "go"), so nothing here sleeps or depends on timing.
 */
class ProcessCountersTest {

    /**
     * Runs per exact variant across processes. Fewer than across threads (100) because each run is
     * slower (sockets, file locks, 8 JVMs sharing 2 cores); 5 runs of 8 × 1000 are 40,000
     * contended increments per variant, a few seconds each.
     */
    static final int REPEATS = 5;

    private Set<Thread> threadsBefore;
    private List<Path> dirsBefore;
    private Path dir;

    @BeforeEach
    void before() throws Exception {
        threadsBefore = Leaks.liveThreads();
        dirsBefore = CounterTesting.counterDirs();
    }

    @AfterEach
    void noLeftovers() throws Exception {
        Leaks.assertNoChildProcesses();
        Leaks.assertNoNewThreads(threadsBefore);
        if (dir != null) {
            CounterTesting.assertNoTempFiles(dir, dirsBefore);
        }
    }

    private ProcessCounters open(CounterVariant variant) throws Exception {
        ProcessCounters s = ProcessCounters.open(variant, WORKERS);
        dir = s.dir();
        return s;
    }

    static Stream<CounterVariant> exact() {
        return CounterTesting.exactIn(Across.PROCESSES);
    }

    @ParameterizedTest
    @MethodSource("exact")
    void exactVariantsCountEveryIncrement(CounterVariant variant) throws Exception {
        try (ProcessCounters s = open(variant)) {
            for (int r = 0; r < REPEATS; r++) {
                CounterOutcome o = s.run(INCREMENTS);
                assertEquals(WORKERS * INCREMENTS, o.finalCount(), variant + " run " + r);
                o.reports().forEach(rep -> assertEquals(INCREMENTS, rep.increments()));
            }
        }
    }

    /** Every worker reads, and only then does any write: FILE ends at 1 after 8 increments. */
    @Test
    void fileEndsAtOneWhenEveryWorkerReadsBeforeAnyWrites() throws Exception {
        try (ProcessCounters s = open(CounterVariant.FILE)) {
            List<WorkerReport> reports = everyoneReadsFirst(s);
            assertEquals(1, s.value());
            reports.forEach(r -> assertEquals(new WorkerReport(1, 0, 1), r, "each read 0 and wrote 1"));
        }
    }

    /** A CAS that read a stale value fails and retries: the same interleaving loses nothing. */
    @Test
    void mmapCasStaysExactWhenEveryWorkerReadsFirst() throws Exception {
        try (ProcessCounters s = open(CounterVariant.MMAP_CAS)) {
            List<WorkerReport> reports = everyoneReadsFirst(s);
            assertEquals(WORKERS, s.value());
            assertEquals(WORKERS * (WORKERS + 1) / 2, reports.stream().mapToLong(WorkerReport::lastWrote).sum(),
                    "the workers wrote 1..8, one each");
        }
    }

    /**
     * NAIVE across processes: each worker has its own copy. Every worker reads 0 and writes 1 (and,
     * free-running, counts its own 0 to 1000), while the parent's value stays 0.
     */
    @Test
    void naiveWorkersEachCountTheirOwnCopyAndTheParentStaysAtZero() throws Exception {
        try (ProcessCounters s = open(CounterVariant.NAIVE)) {
            List<WorkerReport> forced = everyoneReadsFirst(s);
            forced.forEach(r -> assertEquals(new WorkerReport(1, 0, 1), r, "read 0, wrote 1"));
            assertEquals(0, s.value());

            CounterOutcome o = s.run(INCREMENTS);
            o.reports().forEach(r -> assertEquals(new WorkerReport(INCREMENTS, 0, INCREMENTS), r));
            assertEquals(0, o.finalCount());
            assertEquals(WORKERS * INCREMENTS, o.lost());
        }
    }

    /** ATOMIC is exact inside each worker (0 to 1000 each), but no worker touches the parent's AtomicLong. */
    @Test
    void atomicIsNotSharedAcrossProcesses() throws Exception {
        try (ProcessCounters s = open(CounterVariant.ATOMIC)) {
            CounterOutcome o = s.run(INCREMENTS);
            o.reports().forEach(r -> assertEquals(new WorkerReport(INCREMENTS, 0, INCREMENTS), r));
            assertEquals(0, o.finalCount());
        }
    }

    /** Free-running FILE across processes: all that must hold is 1 <= count <= N. */
    @Test
    void fileNeverCountsMoreThanWasIncremented() throws Exception {
        try (ProcessCounters s = open(CounterVariant.FILE)) {
            CounterOutcome o = s.run(INCREMENTS);
            assertTrue(o.finalCount() >= 1 && o.finalCount() <= WORKERS * INCREMENTS, "count " + o.finalCount());
        }
    }

    /**
     * Crash safety: worker 0 makes 5 increments and is killed (SIGKILL) in the gap of its 6th, while
     * it holds the file lock (or the queue's token, or is between its read and its CAS). The others,
     * started while it holds it, are not stranded: the OS releases the lock (the queue's host puts
     * the token back), they finish, and the count is exactly the increments that completed.
     */
    @ParameterizedTest
    @MethodSource("exact")
    void workerKilledInTheGapDoesNotStrandTheOthers(CounterVariant variant) throws Exception {
        int completedByVictim = 5;
        try (ProcessCounters s = open(variant)) {
            s.reset(INCREMENTS);
            s.start(0, completedByVictim);
            assertEquals(completedByVictim, s.awaitGap(0), "the victim ran alone until it paused");
            if (variant == CounterVariant.FILE_LOCKED) {
                assertLockHeldByAnotherProcess(s.dir().resolve(FileCounter.NAME));
            }
            for (int i = 1; i < WORKERS; i++) {
                s.start(i, -1);
            }
            assertNotEquals(0, s.kill(0), "killed, not exited");
            List<WorkerReport> reports = new ArrayList<>();
            for (int i = 1; i < WORKERS; i++) {
                reports.add(s.awaitDone(i));
            }
            assertEquals(completedByVictim + (WORKERS - 1) * INCREMENTS, s.value());
            assertEquals(WORKERS - 1, reports.size());
        }
    }

    private static void assertLockHeldByAnotherProcess(Path lockFile) throws Exception {
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            assertNull(ch.tryLock(), "the paused worker holds the OS lock");
        }
    }

    /** Every variant, enum-driven: exact ones end at N, unshared ones leave the parent at 0, lossy ones at most N. */
    @ParameterizedTest
    @EnumSource
    void everyVariantRunsAcrossProcesses(CounterVariant variant) throws Exception {
        try (ProcessCounters s = open(variant)) {
            CounterOutcome o = s.run(100);
            assertEquals(WORKERS, o.reports().size());
            long n = WORKERS * 100;
            if (variant.exactIn(Across.PROCESSES)) {
                assertEquals(n, o.finalCount());
            } else if (!variant.sharedIn(Across.PROCESSES)) {
                assertEquals(0, o.finalCount());
                o.reports().forEach(r -> assertEquals(100, r.lastWrote(), "each counted its own copy"));
            } else {
                assertTrue(o.finalCount() >= 1 && o.finalCount() <= n);
            }
        }
    }

    /** Starts one increment in every worker, waits until all are in their gap, then lets them all write. */
    private static List<WorkerReport> everyoneReadsFirst(ProcessCounters s) throws Exception {
        s.reset(1);
        for (int i = 0; i < WORKERS; i++) {
            s.start(i, 0);
        }
        for (int i = 0; i < WORKERS; i++) {
            assertEquals(0, s.awaitGap(i), "worker " + i + " read before anyone wrote");
        }
        for (int i = 0; i < WORKERS; i++) {
            s.resume(i);
        }
        List<WorkerReport> reports = new ArrayList<>();
        for (int i = 0; i < WORKERS; i++) {
            reports.add(s.awaitDone(i));
        }
        return reports;
    }
}
