package dev.concurrencybench.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concurrencybench.Leaks;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AsyncLessonsTest {

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
