package dev.concurrencybench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * limma's hyperparameters (Smyth 2004, section 6.2) evaluated step by step here, with the digamma
 * and trigamma values at 1 and 5 in closed form and trigamma elsewhere by its series, not by the
 * library the code uses.
 */
class ModerationTest {

    private static final double EULER = 0.5772156649015329;

    /** trigamma(y) = sum over k >= 0 of 1 / (y + k)², with the tail past K by its integral (1 / (y + K) + 1 / 2(y + K)²). */
    private static double trigamma(double y) {
        int k = 200_000;
        double s = 0;
        for (int i = 0; i < k; i++) {
            s += 1 / ((y + i) * (y + i));
        }
        double tail = y + k;
        return s + 1 / tail + 1 / (2 * tail * tail);
    }

    /**
     * Variances 1, 2, 4, 8, 16 on 2 degrees of freedom each scatter less than chance allows
     * (trigamma(1) = pi²/6 exceeds their log variance's variance), so limma's d0 is infinite: capped
     * here at the 10 degrees of freedom the rows have together, with s0² = exp(mean e + digamma(5) - ln 5).
     */
    @Test
    void rowsThatScatterNoMoreThanChanceGetThePriorAtItsCap() {
        double[] e = Arrays.stream(new double[] {1, 2, 4, 8, 16}).map(v -> Math.log(v) + EULER).toArray();
        double mean = Arrays.stream(e).average().orElseThrow();
        double spread = Arrays.stream(e).map(x -> (x - mean) * (x - mean)).sum() / 4;
        assertTrue(spread - Math.PI * Math.PI / 6 < 0, "no excess scatter");
        double digamma5 = 1 + 1 / 2.0 + 1 / 3.0 + 1 / 4.0 - EULER;
        Moderation.Prior p = Moderation.estimate(new double[] {1, 2, 4, 8, 16}, new double[] {2, 2, 2, 2, 2});
        assertEquals(10, p.df());
        assertEquals(Math.exp(mean + digamma5 - Math.log(5)), p.variance(), 1e-9);
        assertEquals(6.424955996853806, p.variance(), 1e-9, "scipy gives the same");
    }

    /**
     * Variances 1 to 10,000 on 2 degrees of freedom: the excess scatter is the variance of e less
     * trigamma(1), d0 = 2 trigamma^-1(excess), found here by bisection on the series, and
     * s0² = exp(mean e + digamma(d0 / 2) - ln(d0 / 2)).
     */
    @Test
    void rowsThatTrulyDifferGetLittleShrinkage() {
        double[] v = {1, 10, 100, 1000, 10000};
        double[] e = Arrays.stream(v).map(x -> Math.log(x) + EULER).toArray();
        double mean = Arrays.stream(e).average().orElseThrow();
        double excess = Arrays.stream(e).map(x -> (x - mean) * (x - mean)).sum() / 4 - Math.PI * Math.PI / 6;
        double lo = 1e-6;
        double hi = 100;
        for (int i = 0; i < 100; i++) {
            double mid = Math.sqrt(lo * hi);
            if (trigamma(mid) > excess) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double d0 = 2 * Math.sqrt(lo * hi);
        Moderation.Prior p = Moderation.estimate(v, new double[] {2, 2, 2, 2, 2});
        assertEquals(d0, p.df(), 1e-6 * d0);
        assertEquals(0.6176245073484983, p.df(), 1e-6, "scipy gives the same");
        assertEquals(19.29705199593409, p.variance(), 1e-4);
    }

    @Test
    void smallFamiliesAndRowsWithoutDegreesOfFreedomGetNoPrior() {
        assertEquals(Moderation.Prior.NONE, Moderation.estimate(new double[] {1, 2}, new double[] {3, 3}));
        assertEquals(Moderation.Prior.NONE, Moderation.estimate(new double[] {1, Double.NaN, 2, 3}, new double[] {3, 0, 0, 3}));
        assertEquals(Moderation.Prior.NONE, Moderation.estimate(new double[] {0, 0, 0}, new double[] {1, 1, 1}));
    }

    @Test
    void aRowWithoutSpreadGivesAFinitePriorNotALogOfZero() {
        Moderation.Prior p = Moderation.estimate(new double[] {0, 1, 1.2, 0.9, 1.1}, new double[] {1, 1, 1, 1, 1});
        assertTrue(p.df() > 0 && p.variance() > 0, p.toString());
    }

    @Test
    void theModeratedVarianceIsTheDegreesOfFreedomWeightedMean() {
        Moderation.Prior p = new Moderation.Prior(6, 0.01);
        assertEquals((6 * 0.01 + 3 * 0.04) / 9, p.moderate(0.04, 3), 1e-15);
        assertEquals(0.04, Moderation.Prior.NONE.moderate(0.04, 3));
    }

    /** F(1, 10) has its 95th percentile at 4.9646 and F(3, 20) at 3.0984 (scipy; any F table). */
    @Test
    void aRowIsAdmittedUnlessItsVarianceIsInTheUpperTailOfF() {
        Moderation.Prior p = new Moderation.Prior(10, 1);
        assertTrue(p.admits(4.96, 1, 0.05));
        assertFalse(p.admits(4.97, 1, 0.05));
        Moderation.Prior q = new Moderation.Prior(20, 2);
        assertTrue(q.admits(2 * 3.098, 3, 0.05));
        assertFalse(q.admits(2 * 3.099, 3, 0.05));
        assertTrue(q.admits(0.1, 3, 0.05), "a quieter row always fits");
        assertTrue(Moderation.Prior.NONE.admits(100, 3, 0.05));
    }

    @Test
    void theSharedPriorIsTheWeightedMedianOfMedianUnbiasedVariances() {
        // Medians of chi-square with 1, 2, 3 df: 0.454936, 2 ln 2, 2.365974 (tables). Weights 1, 2, 3
        // split at 3 between the second and third estimates, so the centre is their mean.
        Moderation.Prior p = Moderation.shared(new double[] {1, 2, 4}, new double[] {1, 2, 3});
        assertEquals(6, p.df());
        assertEquals((2 / Math.log(2) + 4 / (2.365974 / 3)) / 2, p.variance(), 1e-5);
        // Nine rows alike on one degree of freedom each and one wild one: the nine decide.
        double[] v = {0.004, 0.004, 0.004, 0.004, 0.004, 0.004, 0.004, 0.004, 0.004, 0.25};
        double[] d = new double[10];
        java.util.Arrays.fill(d, 1);
        assertEquals(0.004 / 0.454936, Moderation.shared(v, d).variance(), 1e-6);
        assertEquals(10, Moderation.shared(v, d).df());
        assertEquals(Moderation.Prior.NONE, Moderation.shared(new double[] {1, 2}, new double[] {1, 1}));
        assertEquals(Moderation.Prior.NONE, Moderation.shared(new double[] {0, 0, 1}, new double[] {1, 1, 1}), "no spread");
    }
}
