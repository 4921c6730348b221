package dev.concurrencybench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.commons.statistics.inference.TTest;
import org.junit.jupiter.api.Test;

class PairedStatsTest {

    @Test
    void belowEightPairsItIsStudentsPairedT() {
        double[] d = {0.012, 0.020, 0.007, 0.015, 0.018, 0.011, 0.016};
        PairedStats.Summary s = PairedStats.summarise(d, 0.95);
        assertEquals(0, s.trimmed());
        assertEquals(TTest.withDefaults().test(d).getPValue(), s.p(), 1e-12);
        assertEquals(java.util.Arrays.stream(d).average().orElseThrow(), s.estimate(), 1e-15);
    }

    @Test
    void theTrimGrowsWithThePairs() {
        assertEquals(0, PairedStats.trimmed(7));
        assertEquals(1, PairedStats.trimmed(8));
        assertEquals(1, PairedStats.trimmed(17));
        assertEquals(2, PairedStats.trimmed(18));
        assertEquals(3, PairedStats.trimmed(28));
    }

    /** The simulated reference makes the trimmed test exact for normal pairs: false alarms at the nominal rate. */
    @Test
    void theTrimmedTestHoldsItsLevelAndItsIntervalCovers() {
        Random r = new Random(17);
        int trials = 4000;
        int below05 = 0;
        int below01 = 0;
        int covered = 0;
        for (int t = 0; t < trials; t++) {
            double[] d = new double[12];
            for (int i = 0; i < d.length; i++) {
                d[i] = 0.03 + 0.02 * r.nextGaussian();
            }
            PairedStats.Summary s = PairedStats.summarise(d, 0.95);
            double[] centred = java.util.Arrays.stream(d).map(x -> x - 0.03).toArray();
            double p = PairedStats.summarise(centred, 0.95).p();
            below05 += p < 0.05 ? 1 : 0;
            below01 += p < 0.01 ? 1 : 0;
            covered += s.low() < 0.03 && 0.03 < s.high() ? 1 : 0;
        }
        // 4000 trials: standard errors 0.34 and 0.16 points; allow three.
        assertEquals(0.05, below05 / (double) trials, 0.011);
        assertEquals(0.01, below01 / (double) trials, 0.005);
        assertEquals(0.95, covered / (double) trials, 0.011);
    }

    @Test
    void aRowWithNoSpreadIsCertain() {
        PairedStats.Summary zero = PairedStats.summarise(new double[] {0, 0, 0}, 0.95);
        assertEquals(1.0, zero.p());
        assertEquals(0.0, zero.mde(0.05));
        PairedStats.Summary shift = PairedStats.summarise(new double[] {0.1, 0.1, 0.1}, 0.95);
        assertTrue(shift.p() < 1e-10);
        assertEquals(0.1, shift.low(), 1e-12);
        assertTrue(Double.isNaN(PairedStats.summarise(new double[] {0.1}, 0.95).p()));
    }

    @Test
    void theMinimumDetectableEffectShrinksWithPairsAndGrowsWithTheFamily() {
        Random r = new Random(3);
        double[] d = new double[6];
        for (int i = 0; i < d.length; i++) {
            d[i] = 0.01 * r.nextGaussian();
        }
        PairedStats.Summary s = PairedStats.summarise(d, 0.95);
        assertTrue(s.mde(0.05 / 64) > s.mde(0.05));
        int few = PairedStats.pairsFor(0.01, 0.05 / 64, 0.05, 1000);
        int many = PairedStats.pairsFor(0.03, 0.05 / 64, 0.05, 1000);
        assertTrue(few >= 4 && few < many, few + " " + many);
        assertEquals(Integer.MAX_VALUE, PairedStats.pairsFor(0.5, 0.05 / 64, 0.05, 100));
    }
}
