package dev.concurrencybench.counter;

import static dev.concurrencybench.counter.CounterTesting.INCREMENTS;
import static dev.concurrencybench.counter.CounterTesting.WORKERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concurrencybench.Leaks;
import dev.concurrencybench.util.TempDirs;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every variant across the threads of one JVM: which are exact, and how the others lose updates. */
class ThreadCountersTest {

    /**
     * Runs per exact variant. A lost update needs two threads inside one read-modify-write at once;
     * with 8 threads on 2 cores, 8000 contended increments a run and 100 runs (800,000 increments)
     * make that show up if the variant allowed it, and stay affordable for the slowest variant
     * (FILE_LOCKED) on two busy cores.
     */
    static final int REPEATS = 100;

    private Set<Thread> threadsBefore;
    private List<Path> dirsBefore;

    @BeforeEach
    void before() throws Exception {
        threadsBefore = Leaks.liveThreads();
        dirsBefore = CounterTesting.counterDirs();
    }

    @AfterEach
    void noLeftovers() {
        Leaks.assertNoNewThreads(threadsBefore);
    }

    static Stream<CounterVariant> exact() {
        return CounterTesting.exactIn(Across.THREADS);
    }

    @ParameterizedTest
    @MethodSource("exact")
    void exactVariantsCountEveryIncrement(CounterVariant variant) throws Exception {
        Path dir;
        try (ThreadCounters s = ThreadCounters.open(variant, WORKERS)) {
            dir = s.dir();
            for (int r = 0; r < REPEATS; r++) {
                CounterOutcome o = s.run(INCREMENTS);
                assertEquals(WORKERS * INCREMENTS, o.finalCount(), variant + " run " + r);
                assertEquals(0, o.lost());
            }
        }
        CounterTesting.assertNoTempFiles(dir, dirsBefore);
    }

    /** The lost update made visible: every worker reads 0 before any writes, so 8 increments leave 1. */
    @ParameterizedTest
    @EnumSource(names = {"NAIVE", "FILE"})
    void lossyVariantsEndAtOneWhenEveryWorkerReadsBeforeAnyWrites(CounterVariant variant) throws Exception {
        CounterOutcome o = runEveryoneReadsFirst(variant);
        assertEquals(1, o.finalCount());
        assertEquals(WORKERS - 1, o.lost());
        o.reports().forEach(r -> assertEquals(new WorkerReport(1, 0, 1), r, "each read 0 and wrote 1"));
    }

    /** The same forced interleaving cannot hurt an indivisible update: ATOMIC has no gap, CAS retries. */
    @ParameterizedTest
    @EnumSource(names = {"ATOMIC", "MMAP_CAS"})
    void lockFreeVariantsStayExactWhenEveryWorkerReadsFirst(CounterVariant variant) throws Exception {
        CounterOutcome o = runEveryoneReadsFirst(variant);
        assertEquals(WORKERS, o.finalCount());
    }

    private CounterOutcome runEveryoneReadsFirst(CounterVariant variant) throws Exception {
        Path dir;
        CounterOutcome o;
        try (ThreadCounters s = ThreadCounters.open(variant, WORKERS)) {
            dir = s.dir();
            CyclicBarrier allHaveRead = new CyclicBarrier(WORKERS);
            o = s.run(1, read -> allHaveRead.await());
        }
        CounterTesting.assertNoTempFiles(dir, dirsBefore);
        return o;
    }

    /** FILE_LOCKED and QUEUE exclude: never more than one worker between its read and its write. */
    @ParameterizedTest
    @EnumSource(names = {"FILE_LOCKED", "QUEUE"})
    void exclusiveVariantsLetOneWorkerAtATimeIntoTheGap(CounterVariant variant) throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostInside = new AtomicInteger();
        try (ThreadCounters s = ThreadCounters.open(variant, WORKERS)) {
            CounterOutcome o = s.run(100, read -> {
                mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                Thread.yield();
                inside.decrementAndGet();
            });
            assertEquals(WORKERS * 100, o.finalCount());
        }
        assertEquals(1, mostInside.get());
    }

    /**
     * Why FILE_LOCKED also takes an in-JVM lock: a FileLock belongs to the whole JVM, so a second
     * thread's lock() on the same file does not wait for the first, it throws.
     */
    @Test
    void fileLockAloneDoesNotExcludeThreadsOfOneJvm() throws Exception {
        Path dir = TempDirs.create(CounterScenario.DIR_PREFIX);
        try (FileChannel ch = FileChannel.open(dir.resolve("f"), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE); FileLock held = ch.lock()) {
            assertTrue(held.isValid());
            FutureTask<FileLock> other = new FutureTask<>(ch::lock);
            Thread t = Thread.ofPlatform().start(other);
            t.join();
            ExecutionException e = assertThrows(ExecutionException.class, other::get);
            assertInstanceOf(OverlappingFileLockException.class, e.getCause());
        } finally {
            TempDirs.delete(dir);
        }
    }

    /** Free-running, a lossy count is whatever the scheduler allows; all that must hold is 1 <= count <= N. */
    @ParameterizedTest
    @EnumSource(names = {"NAIVE", "FILE"})
    void lossyVariantsNeverCountMoreThanWasIncremented(CounterVariant variant) throws Exception {
        try (ThreadCounters s = ThreadCounters.open(variant, WORKERS)) {
            for (int r = 0; r < 3; r++) {
                CounterOutcome o = s.run(INCREMENTS);
                assertTrue(o.finalCount() >= 1 && o.finalCount() <= WORKERS * INCREMENTS, variant + ": " + o.finalCount());
                assertEquals(WORKERS * INCREMENTS, o.attempted());
            }
        }
    }

    /** Every variant, enum-driven: exact ones end at N, the lossy ones at most N; nothing is left behind. */
    @ParameterizedTest
    @EnumSource
    void everyVariantRunsAcrossThreads(CounterVariant variant) throws Exception {
        Path dir;
        try (ThreadCounters s = ThreadCounters.open(variant, WORKERS)) {
            dir = s.dir();
            CounterOutcome o = s.run(INCREMENTS);
            assertEquals(WORKERS, o.reports().size());
            if (variant.exactIn(Across.THREADS)) {
                assertEquals(WORKERS * INCREMENTS, o.finalCount());
            } else {
                assertTrue(o.finalCount() >= 1 && o.finalCount() <= WORKERS * INCREMENTS);
            }
        }
        CounterTesting.assertNoTempFiles(dir, dirsBefore);
    }
}
