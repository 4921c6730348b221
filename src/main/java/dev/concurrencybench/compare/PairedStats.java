package dev.concurrencybench.compare;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The statistics of {@code ab}: one value per pair, {@code d = ln(new / base)}, from two forks run
 * back to back on the same machine, and the centre of those values.
 *
 * <p><b>Centre: a trimmed mean</b>, about 10%: one pair trimmed at each end from 8 pairs, two from
 * 18, three from 28 (the plain mean below 8). A host burst that makes one fork 0.6x or 1.5x of its
 * neighbours moves a mean of eight pairs by 5-6%, but is cut off by the trim. Rank methods
 * (Hodges–Lehmann with the Wilcoxon interval) are not used: the smallest p-value a signed-rank test
 * can give is 2 / 2^n, so at the Holm level of a whole suite no row could be flagged before 12 pairs.
 *
 * <p><b>Spread.</b> The trimmed mean's Tukey–McLaughlin standard error (from the winsorized
 * variance) gives each row a variance per pair, {@link Sample#variance}, put on the scale of a
 * normal variance (divided by its mean under normal noise, {@link Constants#kappa}) so that rows
 * trimmed differently compare alike, with the effective degrees of freedom of that estimate
 * ({@link Constants#df}: a winsorized variance varies more than a chi-square on n - 2g - 1 degrees of
 * freedom, about 0.89 times as many). {@link Moderation} then lends a row the degrees of freedom of its
 * family.
 *
 * <p><b>Test and interval.</b> The trimmed mean over its moderated standard error, against Student's
 * t with the moderated degrees of freedom. With nothing trimmed that is exact for normal noise. With
 * pairs trimmed, the numerator's variance ({@link Constants#tau}) and the estimate's degrees of
 * freedom come from a seeded simulation of normal samples of the same size (once per size), which
 * keeps the far tail that Holm uses at its nominal rate (PairedStatsTest measures it).
 */
public final class PairedStats {

    /** The fraction of pairs trimmed at each end, roughly. */
    public static final double TRIM = 0.1;
    /** The fewest pairs that are trimmed. */
    public static final int FIRST_TRIMMED = 8;
    /** The power the minimum detectable effect is defined at. */
    public static final double POWER = 0.8;
    private static final int DRAWS = 1 << 16;
    /** Pairs up to which the trimmed statistic's constants are simulated. */
    static final int SIMULATED = 60;
    private static final Map<Integer, Constants> CONSTANTS = new ConcurrentHashMap<>();
    private static final Map<Integer, Constants> APPROXIMATE = new ConcurrentHashMap<>();

    private PairedStats() {
    }

    /** How many pairs are trimmed at each end for n pairs: none below 8, one from 8, two from 18, ... */
    public static int trimmed(int n) {
        return n < FIRST_TRIMMED ? 0 : 1 + (n - FIRST_TRIMMED) / (int) Math.round(1 / TRIM);
    }

    /**
     * The trimmed statistic of n pairs of standard normal noise.
     *
     * @param kappa the mean of n times the squared Tukey–McLaughlin standard error
     * @param tau   n times the variance of the trimmed mean
     * @param df    the effective degrees of freedom of that squared error: 2 over the variance of its ratio to its mean
     */
    public record Constants(double kappa, double tau, double df) {
    }

    /**
     * Exact without trimming (1, 1, n - 1); simulated once per n (seeded, 2^16 samples) with it, up
     * to {@link #SIMULATED} pairs; beyond, the asymptotic {@link #approximate} ones, which are
     * within 0.5% there (simulated at 60, 80, 100 and 150 pairs: kappa and tau 1.055-1.062 against
     * 1.060, degrees of freedom 0.890-0.893 (n - 2g - 1)).
     */
    public static Constants constants(int n) {
        if (trimmed(n) == 0) {
            return new Constants(1, 1, n - 1);
        }
        return n > SIMULATED ? approximate(n) : CONSTANTS.computeIfAbsent(n, PairedStats::simulate);
    }

    private static Constants simulate(int n) {
        SplittableRandom random = new SplittableRandom(0x5EEDL * 1_000_003L + n);
        int g = trimmed(n);
        double[] sample = new double[n];
        double sumT = 0;
        double sumT2 = 0;
        double sumV = 0;
        double sumV2 = 0;
        for (int k = 0; k < DRAWS; k++) {
            for (int i = 0; i < n; i++) {
                sample[i] = random.nextGaussian();
            }
            Arrays.sort(sample);
            double t = trimmedMean(sample, g);
            double se = standardError(sample, g);
            double v = n * se * se;
            sumT += t;
            sumT2 += t * t;
            sumV += v;
            sumV2 += v * v;
        }
        double meanT = sumT / DRAWS;
        double tau = n * (sumT2 / DRAWS - meanT * meanT) * DRAWS / (DRAWS - 1);
        double kappa = sumV / DRAWS;
        double varV = (sumV2 / DRAWS - kappa * kappa) * DRAWS / (DRAWS - 1);
        return new Constants(kappa, tau, 2 * kappa * kappa / varV);
    }

    /**
     * The constants without simulation, for planning how many pairs a row needs: tau from the
     * asymptotic variance of a trimmed mean of normal noise (within 1% from 8 pairs on), kappa
     * taken equal to it, and 0.89 (n - 2g - 1) degrees of freedom (0.87 to 0.93 simulated).
     */
    public static Constants approximate(int n) {
        if (trimmed(n) == 0) {
            return new Constants(1, 1, n - 1);
        }
        return APPROXIMATE.computeIfAbsent(n, PairedStats::asymptotic);
    }

    private static Constants asymptotic(int n) {
        int g = trimmed(n);
        double gamma = (double) g / n;
        double z = NormalDistribution.of(0, 1).inverseSurvivalProbability(gamma);
        double density = Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
        double tau = ((1 - 2 * gamma) - 2 * z * density + 2 * gamma * z * z) / ((1 - 2 * gamma) * (1 - 2 * gamma));
        return new Constants(tau, tau, 0.89 * (n - 2 * g - 1));
    }

    /**
     * One row's pairs, reduced to what the test needs.
     *
     * @param pairs    how many pairs
     * @param trimmed  pairs trimmed at each end
     * @param estimate the trimmed mean of d (d itself for one pair, NaN for none)
     * @param variance the variance per pair on a normal scale, {@code n se² / kappa}; NaN below two pairs
     * @param df       its effective degrees of freedom; 0 below two pairs
     * @param tau      the trimmed mean's variance per pair over a normal variance
     */
    public record Sample(int pairs, int trimmed, double estimate, double variance, double df, double tau) {

        /** The standard error of the estimate for a variance per pair (e.g. the moderated one). */
        public double se(double perPair) {
            return Math.sqrt(tau * perPair / pairs);
        }
    }

    /** The trimmed mean and its spread. */
    public static Sample sample(double[] d) {
        int n = d.length;
        if (n < 2) {
            return new Sample(n, 0, n == 1 ? d[0] : Double.NaN, Double.NaN, 0, 1);
        }
        int g = trimmed(n);
        double[] sorted = d.clone();
        Arrays.sort(sorted);
        Constants c = constants(n);
        double se = standardError(sorted, g);
        return new Sample(n, g, trimmedMean(sorted, g), n * se * se / c.kappa(), c.df(), c.tau());
    }

    /**
     * One row's test.
     *
     * @param pairs    how many pairs
     * @param trimmed  pairs trimmed at each end
     * @param estimate the trimmed mean of d
     * @param se       its moderated standard error; 0 when the pairs and the prior show no spread
     * @param df       the moderated degrees of freedom
     * @param p        two-sided p-value for "the centre is 0"; NaN below two pairs or without spread
     * @param low      lower end of the interval at the requested level, on the d scale
     * @param high     upper end
     */
    public record Summary(int pairs, int trimmed, double estimate, double se, double df, double p, double low, double high) {

        /** Whether the row could be tested: two pairs or more, and some spread. */
        public boolean tested() {
            return !Double.isNaN(p);
        }

        /** {@link PairedStats#mde} at this row's standard error and degrees of freedom; NaN when untested. */
        public double mde(double familyAlpha, double minEffect) {
            return tested() ? PairedStats.mde(se, df, familyAlpha, minEffect) : Double.NaN;
        }
    }

    /** Tests a row's sample with its family's prior (or {@link Moderation.Prior#NONE}) at {@code level} (e.g. 0.95). */
    public static Summary test(Sample s, Moderation.Prior prior, double level) {
        return test(s, prior, 0, level);
    }

    /**
     * The same, with a floor under the moderated variance per pair: what is known on other grounds
     * to be the least a pair can vary (for {@code ab}, what the calls inside the forks alone give).
     */
    public static Summary test(Sample s, Moderation.Prior prior, double floor, double level) {
        if (s.pairs() < 2) {
            return new Summary(s.pairs(), 0, s.estimate(), Double.NaN, 0, Double.NaN, Double.NaN, Double.NaN);
        }
        double variance = Math.max(floor, prior.moderate(s.variance(), s.df()));
        double df = prior.df() + s.df();
        double se = s.se(variance);
        if (!(se > 0)) {
            // Identical pairs and no prior: nothing says how far chance could move them, so no test.
            return new Summary(s.pairs(), s.trimmed(), s.estimate(), 0, df, Double.NaN, Double.NaN, Double.NaN);
        }
        TDistribution t = TDistribution.of(df);
        double p = 2 * t.survivalProbability(Math.abs(s.estimate()) / se);
        double half = t.inverseSurvivalProbability((1 - level) / 2) * se;
        return new Summary(s.pairs(), s.trimmed(), s.estimate(), se, df, p, s.estimate() - half, s.estimate() + half);
    }

    /**
     * The minimum detectable effect: the smallest true change (a fraction) that a row flags with
     * {@link #POWER} probability, the minimum effect included. The estimate must clear both the
     * critical value {@code q se} at the Bonferroni level {@code familyAlpha} (Holm is at least as
     * powerful, so this is conservative) and {@code L = ln(1 + minEffect)}:
     * {@code exp(max(q se, L) + t_0.8 se) - 1}, with Student's t quantiles on {@code df}.
     */
    public static double mde(double se, double df, double familyAlpha, double minEffect) {
        TDistribution t = TDistribution.of(df);
        double threshold = Math.max(t.inverseSurvivalProbability(familyAlpha / 2) * se, Math.log1p(minEffect));
        return Math.expm1(threshold + t.inverseCumulativeProbability(POWER) * se);
    }

    /** The probability that a row flags a true log change {@code effect > 0}: the inverse of {@link #mde}. */
    public static double power(double effect, double se, double df, double familyAlpha, double minEffect) {
        TDistribution t = TDistribution.of(df);
        double threshold = Math.max(t.inverseSurvivalProbability(familyAlpha / 2) * se, Math.log1p(minEffect));
        return t.cumulativeProbability((effect - threshold) / se);
    }

    static double trimmedMean(double[] sorted, int g) {
        double s = 0;
        for (int i = g; i < sorted.length - g; i++) {
            s += sorted[i];
        }
        return s / (sorted.length - 2 * g);
    }

    /** Tukey–McLaughlin: the winsorized standard deviation over (1 - 2g/n) sqrt(n). */
    static double standardError(double[] sorted, int g) {
        int n = sorted.length;
        double lo = sorted[g];
        double hi = sorted[n - 1 - g];
        double mean = 0;
        for (double x : sorted) {
            mean += Math.min(hi, Math.max(lo, x));
        }
        mean /= n;
        double ss = 0;
        for (double x : sorted) {
            double w = Math.min(hi, Math.max(lo, x)) - mean;
            ss += w * w;
        }
        double winsorizedSd = Math.sqrt(ss / (n - 1));
        return winsorizedSd / ((1 - 2.0 * g / n) * Math.sqrt(n));
    }
}
