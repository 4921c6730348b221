package dev.concurrencybench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.concurrencybench.report.CounterExactness.Exactness;
import org.junit.jupiter.api.Test;

class CounterExactnessTest {

    @Test
    void theLessonsVariantsAreLabelled() {
        assertEquals(Exactness.LOSES_UPDATES, CounterExactness.of("NAIVE", "THREADS"));
        assertEquals(Exactness.LOSES_UPDATES, CounterExactness.of("FILE", "PROCESSES"));
        assertEquals(Exactness.EXACT, CounterExactness.of("FILE_LOCKED", "PROCESSES"));
        assertEquals(Exactness.EXACT, CounterExactness.of("QUEUE", "THREADS"));
        assertEquals(Exactness.EXACT, CounterExactness.of("ATOMIC", "THREADS"));
        assertEquals(Exactness.EXACT, CounterExactness.of("MMAP_CAS", "PROCESSES"));
    }

    @Test
    void anythingElseIsUnknownNotAGuess() {
        assertEquals(Exactness.UNKNOWN, CounterExactness.of("SOMETHING_NEW", "THREADS"));
        assertEquals(Exactness.UNKNOWN, CounterExactness.of(null, null));
        assertEquals("exactness unknown", Exactness.UNKNOWN.label());
    }
}
