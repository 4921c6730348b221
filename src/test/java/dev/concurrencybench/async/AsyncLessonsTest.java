package dev.concurrencybench.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concurrencybench.Leaks;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class AsyncLessonsTest {

    private static final int JOBS = 5;

    /**
     * The jobs' waits, held by the test: a job is in flight from the moment it starts waiting until
     * the test releases it. No clock: the lessons' timing properties become counts and orders.
     */
    private static final class Gates implements AsyncLessons.Wait {
        private final Runnable[] waiting = new Runnable[JOBS];
        private final CountDownLatch allStarted = new CountDownLatch(JOBS);
        private int inFlight;
        private int mostInFlight;

        @Override
        public synchronized void then(int job, Runnable then) {
            waiting[job] = then;
            mostInFlight = Math.max(mostInFlight, ++inFlight);
            allStarted.countDown();
            notifyAll();
        }

        /** Ends job {@code job}'s wait; it must have started. */
        void release(int job) {
            Runnable then;
            synchronized (this) {
                then = waiting[job];
                waiting[job] = null;
                inFlight--;
            }
            then.run();
        }

        /** Waits, bounded, until job {@code job} has started. */
        synchronized void awaitStarted(int job) throws InterruptedException {
            long deadline = System.nanoTime() + Leaks.BOUND.toNanos();
            while (waiting[job] == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("job " + job + " never started");
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }

        /** Waits, bounded, until every job is in flight at once; none has been released. */
        void awaitAllInFlight() throws InterruptedException {
            assertTrue(allStarted.await(Leaks.BOUND.toSeconds(), TimeUnit.SECONDS),
                    () -> "only " + (JOBS - allStarted.getCount()) + " of " + JOBS + " jobs ever started");
            synchronized (this) {
                assertEquals(JOBS, inFlight);
            }
        }

        synchronized int mostInFlight() {
            return mostInFlight;
        }

        synchronized int stillWaiting() {
            return inFlight;
        }
    }

    /** Runs {@code lesson} on its own thread, so the test can hold and release the jobs meanwhile. */
    private static <T> FutureTask<T> inBackground(Callable<T> lesson) {
        FutureTask<T> task = new FutureTask<>(lesson);
        Thread.ofPlatform().name("lesson").daemon(true).start(task);
        return task;
    }

    private static <T> T result(FutureTask<T> task) throws Exception {
        try {
            return task.get(Leaks.BOUND.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("the lesson did not return", e);
        }
    }

    @Test
    void gatherHasEveryJobInFlightAtOnce() throws Exception {
        Gates gates = new Gates();
        try (AsyncLessons lessons = new AsyncLessons(0, gates)) {
            FutureTask<Long> sum = inBackground(() -> lessons.gatherAll(JOBS));
            gates.awaitAllInFlight(); // a gather that awaited one job at a time would never get here
            for (int i = 0; i < JOBS; i++) {
                gates.release(i);
            }
            assertEquals(1 + 2 + 3 + 4 + 5, result(sum));
        }
    }

    @Test
    void awaitingOneAtATimeStartsAJobOnlyWhenThePreviousOneIsDone() throws Exception {
        Gates gates = new Gates();
        try (AsyncLessons lessons = new AsyncLessons(0, gates)) {
            FutureTask<Long> sum = inBackground(() -> lessons.awaitOneAtATime(JOBS));
            for (int i = 0; i < JOBS; i++) {
                gates.awaitStarted(i);
                gates.release(i);
            }
            assertEquals(1 + 2 + 3 + 4 + 5, result(sum));
            assertEquals(1, gates.mostInFlight(), "a job started while another was still waiting");
        }
    }

    @Test
    void failFastFailsWhileTheOtherJobsAreStillWaiting() throws Exception {
        Gates gates = new Gates();
        try (AsyncLessons lessons = new AsyncLessons(0, gates)) {
            FutureTask<Long> outcome = inBackground(() -> lessons.failFast(JOBS, 2));
            gates.awaitAllInFlight();
            gates.release(2); // only the failing job ends; the other four never do until the end
            ExecutionException e = assertThrows(ExecutionException.class, () -> result(outcome));
            AsyncLessons.JobFailedException failed = assertInstanceOf(AsyncLessons.JobFailedException.class, e.getCause());
            assertEquals(2, failed.job());
            assertEquals(JOBS - 1, gates.stillWaiting(), "fail-fast returned before the slow jobs ended");
            for (int i : new int[] {0, 1, 3, 4}) {
                gates.release(i);
            }
        }
    }

    @Test
    void sequentialGatheredAndBlockingAgreeOnTheSum() {
        Set<Thread> before = Leaks.liveThreads();
        try (AsyncLessons lessons = new AsyncLessons(1)) {
            long expected = 1 + 2 + 3 + 4 + 5;
            assertEquals(expected, lessons.awaitOneAtATime(5));
            assertEquals(expected, lessons.gatherAll(5));
            assertEquals(expected, lessons.blockingSleepInEventLoop(5));
        }
        Leaks.assertNoNewThreads(before);
    }

    @Test
    void failFastSurfacesTheFailingJobsOwnCause() {
        try (AsyncLessons lessons = new AsyncLessons(1)) {
            AsyncLessons.JobFailedException e = assertThrows(AsyncLessons.JobFailedException.class, () -> lessons.failFast(5, 2));
            assertEquals(2, e.job());
            assertEquals(15, lessons.failFast(5, -1), "with no failing job fail-fast is a plain gather");
        }
    }

    @Test
    void collectAllReturnsTheExactSumOfSuccessesAndEveryFailure() {
        try (AsyncLessons lessons = new AsyncLessons(1)) {
            AsyncLessons.Gathered g = lessons.collectAll(5, 2);
            assertEquals(1 + 2 + 4 + 5, g.sumOfSuccesses());
            assertEquals(1, g.failures().size());
            assertInstanceOf(AsyncLessons.JobFailedException.class, g.failures().get(0));
            assertEquals(2, ((AsyncLessons.JobFailedException) g.failures().get(0)).job());

            AsyncLessons.Gathered none = lessons.collectAll(5, -1);
            assertEquals(15, none.sumOfSuccesses());
            assertTrue(none.failures().isEmpty());
        }
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new AsyncLessons(-1));
        try (AsyncLessons lessons = new AsyncLessons(1)) {
            assertThrows(IllegalArgumentException.class, () -> lessons.gatherAll(0));
            assertThrows(IllegalArgumentException.class, () -> lessons.collectAll(3, 3));
        }
    }
}
