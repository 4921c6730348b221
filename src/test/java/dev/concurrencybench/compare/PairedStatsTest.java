package dev.concurrencybench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.commons.statistics.inference.TTest;
import org.junit.jupiter.api.Test;

class PairedStatsTest {

    /**
     * The trimmed mean and its Tukey–McLaughlin standard error of ten values, against the same
     * quantities computed here another way: the trimmed mean as the total less the two extremes,
     * the winsorized variance from all pairwise differences (sum over i < j of (w_i - w_j)² over
     * n (n - 1), which equals the n - 1 variance), and the literal values numpy gives
     * (0.6375, 0.39195468133729...; R's WRS2::trimse computes the same formula).
     */
    @Test
    void theTrimmedMeanAndItsErrorMatchAnIndependentComputation() {
        double[] d = {0.5, -1.2, 3.3, 0.1, 0.7, -0.4, 2.2, 0.9, 1.4, -0.3};
        PairedStats.Sample s = PairedStats.sample(d);
        assertEquals(1, s.trimmed());
        double total = Arrays.stream(d).sum();
        assertEquals((total - 3.3 - (-1.2)) / 8, s.estimate(), 1e-15);
        assertEquals(0.6375, s.estimate(), 1e-12);
        double[] w = {0.5, -0.4, 2.2, 0.1, 0.7, -0.4, 2.2, 0.9, 1.4, -0.3};
        double pairwise = 0;
        for (int i = 0; i < w.length; i++) {
            for (int j = i + 1; j < w.length; j++) {
                pairwise += (w[i] - w[j]) * (w[i] - w[j]);
            }
        }
        double winsorizedVariance = pairwise / (w.length * (w.length - 1.0));
        double se = Math.sqrt(winsorizedVariance) / (0.8 * Math.sqrt(10));
        assertEquals(se, PairedStats.standardError(sorted(d), 1), 1e-15);
        assertEquals(0.3919546813372972, PairedStats.standardError(sorted(d), 1), 1e-12);
        PairedStats.Constants c = PairedStats.constants(10);
        assertEquals(10 * se * se / c.kappa(), s.variance(), 1e-15, "the variance per pair, on a normal scale");
        assertEquals(se * Math.sqrt(c.tau() / c.kappa()), s.se(s.variance()), 1e-15);
    }

    @Test
    void twentyPairsTrimTwoAtEachEnd() {
        double[] d = {0.122, -0.1078, 0.0409, -0.0084, -0.0026, 0.0092, -0.081, 0.0084, -0.0233, 0.1861, 0.0313, 0.0024,
            0.0059, -0.0134, -0.0328, 0.0005, 0.0441, 0.0081, 0.0679, 0.01};
        PairedStats.Sample s = PairedStats.sample(d);
        assertEquals(2, s.trimmed());
        assertEquals(0.0092625, s.estimate(), 1e-12);
        assertEquals(0.009165988511597471, PairedStats.standardError(sorted(d), 2), 1e-12);
    }

    @Test
    void belowEightPairsUnmoderatedItIsStudentsPairedT() {
        double[] d = {0.012, 0.020, 0.007, 0.015, 0.018, 0.011, 0.016};
        PairedStats.Summary s = PairedStats.test(PairedStats.sample(d), Moderation.Prior.NONE, 0.95);
        assertEquals(0, s.trimmed());
        assertEquals(6, s.df());
        assertEquals(TTest.withDefaults().test(d).getPValue(), s.p(), 1e-12);
        assertEquals(1.543216492438067e-4, s.p(), 1e-12);
        assertEquals(0.0016822401650148278, s.se(), 1e-15);
    }

    @Test
    void theTrimGrowsWithThePairs() {
        assertEquals(0, PairedStats.trimmed(7));
        assertEquals(1, PairedStats.trimmed(8));
        assertEquals(1, PairedStats.trimmed(17));
        assertEquals(2, PairedStats.trimmed(18));
        assertEquals(3, PairedStats.trimmed(28));
    }

    /** Two identical pairs say nothing about how far chance moves a pair: no test, not p = 0. */
    @Test
    void pairsWithoutSpreadCannotBeTestedAloneButCanWithAPrior() {
        PairedStats.Sample same = PairedStats.sample(new double[] {0.03, 0.03});
        PairedStats.Summary alone = PairedStats.test(same, Moderation.Prior.NONE, 0.95);
        assertEquals(0, alone.se());
        assertTrue(Double.isNaN(alone.p()));
        assertTrue(!alone.tested());
        assertTrue(Double.isNaN(alone.mde(0.05, 0.05)));
        PairedStats.Summary withPrior = PairedStats.test(same, new Moderation.Prior(10, 0.0004), 0.95);
        assertTrue(withPrior.se() > 0 && withPrior.p() > 0.01, "0.03 against a prior spread of 2% per pair: " + withPrior.p());
        assertEquals(11, withPrior.df());
        assertTrue(Double.isNaN(PairedStats.test(PairedStats.sample(new double[] {0.1}), Moderation.Prior.NONE, 0.95).p()));
    }

    @Test
    void aFloorRaisesTheModeratedVarianceNeverLowersIt() {
        PairedStats.Sample s = PairedStats.sample(new double[] {0.01, 0.03, 0.02});
        Moderation.Prior prior = new Moderation.Prior(8, 0.0001);
        double plain = PairedStats.test(s, prior, 0.95).se();
        assertEquals(plain, PairedStats.test(s, prior, 1e-9, 0.95).se(), 1e-15);
        assertEquals(Math.sqrt(0.01 / 3), PairedStats.test(s, prior, 0.01, 0.95).se(), 1e-12);
    }

    /**
     * The minimum detectable effect is the change flagged with 80% power, the minimum effect
     * included: the power at it is 0.8, it is never below the minimum effect, and Student's t
     * quantile (not z) is what makes it so.
     */
    @Test
    void theMinimumDetectableEffectIsWherePowerReachesEightyPercent() {
        for (double[] c : new double[][] {{0.02, 5}, {0.01, 30}, {0.002, 12}, {0.05, 3}}) {
            double mde = PairedStats.mde(c[0], c[1], 0.05 / 64, 0.05);
            assertEquals(0.8, PairedStats.power(Math.log1p(mde), c[0], c[1], 0.05 / 64, 0.05), 1e-9, Arrays.toString(c));
            assertTrue(mde > 0.05, "never below the minimum effect: " + mde);
        }
        double withZ = Math.expm1(Math.max(3.95 * 0.02, Math.log1p(0.05)) + 0.8416 * 0.02);
        assertTrue(PairedStats.mde(0.02, 5, 0.05 / 64, 0.05) > withZ, "t, not z");
    }

    /**
     * Normal pairs with a known sigma (not the standard error under test): the squared standard
     * error averages the estimate's true variance; p below the Holm level of a 64-row family
     * (0.05/64) comes at its nominal rate, unmoderated and moderated with a prior of known
     * spread; the 95% interval covers the true centre. Figures (seeded) are printed.
     */
    @Test
    void theTestHoldsItsLevelInTheFarTailForNormalPairsOfKnownSpread() {
        double sigma = 0.05;
        double alpha = 0.05 / 64;
        int trials = 120_000;
        for (int n : new int[] {6, 12, 24, 40}) {
            for (double priorDf : new double[] {0, 30}) {
                SplittableRandom random = new SplittableRandom(1000L * n + (long) priorDf);
                Moderation.Prior prior = priorDf == 0 ? Moderation.Prior.NONE : new Moderation.Prior(priorDf, sigma * sigma);
                int below = 0;
                int covered = 0;
                double sumSe2 = 0;
                double sumT = 0;
                double sumT2 = 0;
                for (int t = 0; t < trials; t++) {
                    double[] d = new double[n];
                    for (int i = 0; i < n; i++) {
                        d[i] = sigma * random.nextGaussian();
                    }
                    if (priorDf > 0) {
                        // The prior's own draw: a variance from a scaled chi-square with priorDf degrees of freedom.
                        double chi = 0;
                        for (int k = 0; k < priorDf; k++) {
                            double z = random.nextGaussian();
                            chi += z * z;
                        }
                        prior = new Moderation.Prior(priorDf, sigma * sigma * chi / priorDf);
                    }
                    PairedStats.Sample sample = PairedStats.sample(d);
                    PairedStats.Summary s = PairedStats.test(sample, prior, 0.95);
                    below += s.p() < alpha ? 1 : 0;
                    covered += s.low() < 0 && 0 < s.high() ? 1 : 0;
                    sumSe2 += s.se() * s.se();
                    sumT += s.estimate();
                    sumT2 += s.estimate() * s.estimate();
                }
                double rate = below / (double) trials;
                double variance = sumT2 / trials - (sumT / trials) * (sumT / trials);
                double calibration = sumSe2 / trials / variance;
                System.out.printf(Locale.ROOT, "n %2d prior df %2.0f: p < 0.05/64 in %.2f x nominal (SE %.2f); 95%% coverage %.4f;"
                                + " mean se^2 over the estimate's variance %.3f%n", n, priorDf, rate / alpha,
                        Math.sqrt(alpha / trials) / alpha, covered / (double) trials, calibration);
                assertTrue(rate <= 1.25 * alpha && rate >= 0.6 * alpha, n + "/" + priorDf + ": " + rate / alpha);
                assertEquals(0.95, covered / (double) trials, 0.004);
                assertEquals(1, calibration, 0.03);
            }
        }
    }

    private static double[] sorted(double[] d) {
        double[] s = d.clone();
        Arrays.sort(s);
        return s;
    }
}
