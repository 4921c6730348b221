package dev.concurrencybench.ab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ControlsTest {

    private static final List<Row> ROWS = IntStream.range(0, 64).mapToObj(i -> AbFixtures.ss("r" + i)).toList();

    @Test
    void theCountMakesTheShareOfAllRowsAtLeastOneAtMostEveryRow() {
        assertEquals(16, Controls.count(64, 0.2), "16 of 80 rows is 20%");
        assertEquals(64, Controls.count(64, 0.5), "every row once is half");
        assertEquals(1, Controls.count(3, 0.2), "0.75 rounds to 1");
        assertEquals(1, Controls.count(64, 0.001), "at least one");
        assertEquals(3, Controls.count(3, 0.5));
    }

    @Test
    void aShareOutsideItsRangeIsBadInput() {
        for (double bad : new double[] {0, -0.1, 0.51, 1, Double.NaN}) {
            AbException e = assertThrows(AbException.class, () -> Controls.check(bad));
            assertTrue(e.getMessage().startsWith("--control takes the share of the pairs to run base against base, above 0 and"
                    + " at most 0.5 (e.g. 0.2), got "), e.getMessage());
        }
    }

    @Test
    void theRowsAreDrawnBySeedWithoutRepetitionInTheRowsOrder() {
        List<Row> one = Controls.pick(ROWS, 0.2, 7);
        assertEquals(one, Controls.pick(ROWS, 0.2, 7), "the same seed, the same rows");
        assertNotEquals(one, Controls.pick(ROWS, 0.2, 8));
        assertEquals(16, new HashSet<>(one).size());
        List<Integer> positions = one.stream().map(ROWS::indexOf).toList();
        assertEquals(positions.stream().sorted().toList(), positions);
        assertEquals(ROWS, Controls.pick(ROWS, 0.5, 7));
    }
}
