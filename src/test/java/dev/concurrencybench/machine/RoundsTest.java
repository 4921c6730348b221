package dev.concurrencybench.machine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The robust figures of one CPU's rounds, on vectors small enough to work out by hand. */
class RoundsTest {

    private static final double EPS = 1e-12;

    @Test
    void theMedianAndTheInterquartileRangeLeaveTheInputAlone() {
        double[] rounds = {13, 10, 11, 10, 30, 12, 10, 11, 14};
        double[] copy = rounds.clone();
        assertEquals(11, Rounds.median(rounds), EPS);
        // Sorted: 10 10 10 11 11 12 13 14 30; with nine rounds the quartiles are the 3rd and the 7th.
        assertEquals((13 - 10) / 11.0, Rounds.iqr(rounds), EPS);
        assertArrayEquals(copy, rounds, "the rounds stay in time order for the drift");
        assertEquals(10.5, Rounds.median(new double[] {10, 11}), EPS);
    }

    @Test
    void theInterquartileRangeIgnoresTheTwoFastestAndTheTwoSlowestOfNine() {
        assertEquals(0, Rounds.iqr(new double[] {10, 10, 7, 10, 10, 10, 10, 15, 20}), EPS);
        assertEquals(0.5, Rounds.iqr(new double[] {10, 15, 10, 15, 10, 15, 10, 15, 10}), EPS,
                "two levels taking turns: the middle half spans both");
    }

    @Test
    void driftIsTheTheilSenSlopeOverTheCheckRelativeToTheMedian() {
        double[] line = {10, 10.5, 11, 11.5, 12, 12.5, 13, 13.5, 14};
        assertEquals(4 / 12.0, Rounds.drift(line), EPS, "4 ms more per call from first to last, over a median of 12");
        double[] falling = {14, 13.5, 13, 12.5, 12, 11.5, 11, 10.5, 10};
        assertEquals(-4 / 12.0, Rounds.drift(falling), EPS);
        double[] withAStrayRound = line.clone();
        withAStrayRound[2] = 40;
        assertEquals(4 / 12.0, Rounds.drift(withAStrayRound), 0.03, "one stray round barely tilts the line");
    }

    @Test
    void flatOrAlternatingRoundsDoNotDrift() {
        assertEquals(0, Rounds.drift(new double[] {10, 10, 10, 10, 10}), EPS);
        assertEquals(0, Rounds.drift(new double[] {10, 13, 10, 13, 10, 13, 10, 13, 10}), EPS);
        assertEquals(0, Rounds.drift(new double[] {10}), EPS, "one round has no trend");
        assertEquals(1 / 10.5, Rounds.drift(new double[] {10, 11}), EPS, "two rounds: the one slope, over their median");
    }
}
