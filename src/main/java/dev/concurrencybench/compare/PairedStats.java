package dev.concurrencybench.compare;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The statistics of {@code ab}: one value per pair, {@code d = ln(new / base)}, from two forks run
 * back to back on the same machine, and the centre of those values.
 *
 * <p><b>Centre: a trimmed mean</b>, about 10%: one pair trimmed at each end from 8 pairs, two from
 * 18, three from 28 (the plain mean below 8). A host burst that makes one fork 0.6x or 1.5x of its
 * neighbours moves a mean of eight pairs by 5-6%, but is cut off by the trim. The trim starts at 8
 * pairs because below that it costs too much: trimming one of 6 pairs doubles the smallest change
 * the Holm level can see, one of 8 costs a third. Rank methods (Hodges–Lehmann with the
 * Wilcoxon interval) are not used: the smallest p-value a signed-rank test can give is 2 / 2^n,
 * so at the Holm level of a whole suite (0.05 / 64) no row could be flagged before 12 pairs, more
 * than the time budget gives most rows. The larger trims of 20% cost too many degrees of freedom
 * at the 6-10 pairs a row gets.
 *
 * <p><b>Interval and test.</b> The trimmed mean over its Tukey–McLaughlin standard error (from the
 * winsorized variance). With nothing trimmed that is Student's t with n - 1 degrees of freedom,
 * exact for normal noise. With pairs trimmed the usual Student approximation is too liberal in the
 * far tail that Holm uses (1.2-2x at 0.05/64 for 10-40 pairs of normal noise), so the reference
 * distribution is simulated instead: the same statistic on normal samples of the same size, seeded
 * per size, 2^17 draws. For heavier-tailed noise the test is then conservative.
 */
public final class PairedStats {

    /** The fraction of pairs trimmed at each end, roughly. */
    public static final double TRIM = 0.1;
    /** The fewest pairs that are trimmed. */
    public static final int FIRST_TRIMMED = 8;
    /** z for 80% power, used by the minimum detectable effect. */
    static final double Z_POWER = 0.8416212335729143;
    private static final int DRAWS = 1 << 17;
    private static final Map<Integer, double[]> NULLS = new ConcurrentHashMap<>();

    private PairedStats() {
    }

    /**
     * One row's pairs summarised.
     *
     * @param pairs    how many pairs
     * @param trimmed  pairs trimmed at each end
     * @param estimate the trimmed mean of d
     * @param se       its standard error (Tukey–McLaughlin)
     * @param p        two-sided p-value for "the centre is 0"
     * @param low      lower end of the interval at the requested level, on the d scale
     * @param high     upper end
     */
    public record Summary(int pairs, int trimmed, double estimate, double se, double p, double low, double high) {

        /**
         * The minimum detectable effect at this noise: the change (as a fraction) that a row tested at
         * level {@code alpha} (two-sided; Bonferroni's {@code alpha / rows} for a family) would flag
         * with 80% power, {@code exp((q + z_0.8) x se) - 1}. NaN below two pairs.
         */
        public double mde(double alpha) {
            if (pairs < 2) {
                return Double.NaN;
            }
            return Math.expm1((critical(pairs, alpha) + Z_POWER) * se);
        }
    }

    /** How many pairs are trimmed at each end for n pairs: none below 8, one from 8, two from 18, ... */
    public static int trimmed(int n) {
        return n < FIRST_TRIMMED ? 0 : 1 + (n - FIRST_TRIMMED) / (int) Math.round(1 / TRIM);
    }

    /**
     * Summarises the pairs: trimmed mean, standard error, p-value and the two-sided interval at
     * {@code level} (e.g. 0.95). Needs two pairs or more; with fewer, every number is NaN.
     */
    public static Summary summarise(double[] d, double level) {
        int n = d.length;
        if (n < 2) {
            double e = n == 1 ? d[0] : Double.NaN;
            return new Summary(n, 0, e, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        int g = trimmed(n);
        double[] sorted = d.clone();
        Arrays.sort(sorted);
        double estimate = trimmedMean(sorted, g);
        double se = standardError(sorted, g);
        if (se == 0) {
            boolean zero = estimate == 0;
            return new Summary(n, g, estimate, 0, zero ? 1 : 0, estimate, estimate);
        }
        double half = critical(n, 1 - level) * se;
        return new Summary(n, g, estimate, se, pValue(n, Math.abs(estimate / se)), estimate - half, estimate + half);
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

    /** Two-sided p-value of |T| = |trimmed mean| / se for n pairs. */
    static double pValue(int n, double absT) {
        if (trimmed(n) == 0) {
            return 2 * TDistribution.of(n - 1).survivalProbability(absT);
        }
        double[] nulls = nullDistribution(n);
        int below = lowerBound(nulls, absT);
        // The Monte Carlo p-value (count + 1) / (draws + 1): never 0, and valid at its resolution.
        return (nulls.length - below + 1.0) / (nulls.length + 1.0);
    }

    /** The critical value q with P(|T| > q) = alpha under the null, for n pairs. */
    static double critical(int n, double alpha) {
        if (trimmed(n) == 0) {
            return TDistribution.of(n - 1).inverseSurvivalProbability(alpha / 2);
        }
        double[] nulls = nullDistribution(n);
        return Stats.quantile(nulls, 1 - alpha);
    }

    /** Sorted |T| of the trimmed statistic over normal samples of size n; simulated once per n. */
    private static double[] nullDistribution(int n) {
        return NULLS.computeIfAbsent(n, size -> {
            SplittableRandom random = new SplittableRandom(0x5EEDL * 1_000_003L + size);
            int g = trimmed(size);
            double[] sample = new double[size];
            double[] t = new double[DRAWS];
            for (int k = 0; k < DRAWS; k++) {
                for (int i = 0; i < size; i++) {
                    sample[i] = random.nextGaussian();
                }
                Arrays.sort(sample);
                t[k] = Math.abs(trimmedMean(sample, g) / standardError(sample, g));
            }
            Arrays.sort(t);
            return t;
        });
    }

    /** The first index whose value is at least x. */
    private static int lowerBound(double[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * How many pairs a row whose pairs spread like {@code scale} (the standard deviation of d) would
     * need for its minimum detectable effect at {@code alpha} to reach {@code target} (a fraction),
     * from Student's t; {@code Integer.MAX_VALUE} when more than {@code limit} would be needed.
     */
    public static int pairsFor(double scale, double alpha, double target, int limit) {
        if (!reaches(limit, scale, alpha, target)) {
            return Integer.MAX_VALUE;
        }
        int lo = 1;
        int hi = limit;
        // The effect detectable with n pairs shrinks as n grows: search for the first n that reaches the target.
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (reaches(mid, scale, alpha, target)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    private static boolean reaches(int n, double scale, double alpha, double target) {
        if (n < 2) {
            return false;
        }
        double q = TDistribution.of(n - 1).inverseSurvivalProbability(alpha / 2);
        return (q + Z_POWER) * scale / Math.sqrt(n) <= Math.log1p(target);
    }
}
