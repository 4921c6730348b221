package dev.concurrencybench.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.numbers.gamma.Digamma;
import org.apache.commons.numbers.gamma.Trigamma;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.FDistribution;

/**
 * Moderated variances (empirical Bayes), as limma does for genes (Smyth, "Linear models and
 * empirical Bayes methods for assessing differential expression in microarray experiments", 2004):
 * rows that share a noise source (a family) lend each other degrees of freedom.
 *
 * <p>Each row has a variance estimate {@code s²} with {@code d} degrees of freedom. The family's
 * true variances are taken to follow a scaled inverse chi-square prior with {@code d0} degrees of
 * freedom around {@code s0²}; {@link #estimate} finds {@code d0} and {@code s0²} by limma's method
 * of moments on the log variances, and {@link Prior#moderate} gives a row's posterior variance
 * {@code (d0 s0² + d s²) / (d0 + d)} with {@code d0 + d} degrees of freedom. A row's statistic over
 * that variance is then Student's t with {@code d0 + d} degrees of freedom, exactly so for normal
 * noise when the prior holds.
 *
 * <p>When the rows' variances truly differ, more than their own estimates' scatter explains, the
 * moments give a small {@code d0} and little shrinkage; when they scatter no more than chance
 * explains, limma's {@code d0} is infinite. Here it is capped at the degrees of freedom the
 * family's rows have together: the prior is estimated from them, so it cannot know more.
 */
public final class Moderation {

    /** Hard cap on the prior's degrees of freedom, whatever the family. */
    public static final double MAX_PRIOR_DF = 200;
    /** The fewest rows a prior is estimated from; smaller families get none. */
    public static final int MIN_ROWS = 3;

    private Moderation() {
    }

    /**
     * The prior of a family.
     *
     * @param df        {@code d0}, 0 for no prior
     * @param variance  {@code s0²}, 0 without a prior
     */
    public record Prior(double df, double variance) {

        /** No prior: every row stands on its own. */
        public static final Prior NONE = new Prior(0, 0);

        /**
         * Whether a row's own variance estimate {@code s2} on {@code d} degrees of freedom is
         * plausible under this prior: its ratio to {@code s0²} is not in the upper {@code level} tail
         * of F(d, d0), the ratio's distribution when the row's true variance is the prior's.
         */
        public boolean admits(double s2, double d, double level) {
            if (df == 0 || !(d > 0) || !(s2 > variance)) {
                return true;
            }
            return FDistribution.of(d, df).survivalProbability(s2 / variance) >= level;
        }

        /** The moderated variance of a row whose own estimate is {@code s2} on {@code d} degrees of freedom. */
        public double moderate(double s2, double d) {
            if (df == 0) {
                return s2;
            }
            return (df * variance + d * s2) / (df + d);
        }
    }

    /**
     * limma's {@code fitFDist} without covariates, by the method of moments on the log variances.
     * Rows with no degrees of freedom or a non-finite variance are left out; zero variances are
     * raised to 1e-5 of the median, as limma does, so that one row without spread does not make the
     * family look infinitely varied.
     *
     * @param variances each row's variance estimate
     * @param dfs       its degrees of freedom
     * @return {@link Prior#NONE} with fewer than {@link #MIN_ROWS} usable rows
     */
    public static Prior estimate(double[] variances, double[] dfs) {
        int n = 0;
        double[] s2 = new double[variances.length];
        double[] d = new double[variances.length];
        for (int i = 0; i < variances.length; i++) {
            if (dfs[i] > 0 && Double.isFinite(dfs[i]) && variances[i] >= 0 && Double.isFinite(variances[i])) {
                s2[n] = variances[i];
                d[n] = dfs[i];
                n++;
            }
        }
        if (n < MIN_ROWS) {
            return Prior.NONE;
        }
        s2 = Arrays.copyOf(s2, n);
        d = Arrays.copyOf(d, n);
        double[] sorted = s2.clone();
        Arrays.sort(sorted);
        double median = Stats.quantile(sorted, 0.5);
        if (median == 0) {
            return Prior.NONE;
        }
        double[] e = new double[n];
        double mean = 0;
        double trigammaMean = 0;
        double totalDf = 0;
        for (int i = 0; i < n; i++) {
            double half = d[i] / 2;
            e[i] = Math.log(Math.max(s2[i], 1e-5 * median)) - Digamma.value(half) + Math.log(half);
            mean += e[i] / n;
            trigammaMean += Trigamma.value(half) / n;
            totalDf += d[i];
        }
        double spread = 0;
        for (double x : e) {
            spread += (x - mean) * (x - mean);
        }
        double excess = spread / (n - 1) - trigammaMean;
        double cap = Math.min(MAX_PRIOR_DF, totalDf);
        double d0 = excess > 0 ? Math.min(cap, 2 * trigammaInverse(excess)) : cap;
        double s0 = Math.exp(mean + Digamma.value(d0 / 2) - Math.log(d0 / 2));
        return new Prior(d0, s0);
    }

    /**
     * The prior of rows taken to share one variance, estimated so that one wild row cannot carry it:
     * the median, weighted by degrees of freedom, of the rows' median-unbiased variances
     * ({@code s² d / chi²_d(0.5)}, which for a true variance {@code sigma²} fall below and above it
     * alike), on as many degrees of freedom as the rows have together (capped at {@link #MAX_PRIOR_DF}).
     * Their pooled variance, a mean, follows the largest: on a busy machine one fork 1.9 times slower
     * put a pair at 0.62 and raised a family of eleven fib rows from a spread of 4.9% a pair to 17%
     * (a real cpu-shard A/A run, results/gate-aa11; the pairs after the pilot spread 5.5-8.2%). {@link Prior#NONE} with fewer than {@link #MIN_ROWS}
     * rows with degrees of freedom, or when their median is 0.
     */
    public static Prior shared(double[] variances, double[] dfs) {
        List<double[]> rows = new ArrayList<>();
        double total = 0;
        for (int i = 0; i < variances.length; i++) {
            if (dfs[i] > 0 && Double.isFinite(variances[i])) {
                double median = ChiSquaredDistribution.of(dfs[i]).inverseCumulativeProbability(0.5) / dfs[i];
                rows.add(new double[] {variances[i] / median, dfs[i]});
                total += dfs[i];
            }
        }
        if (rows.size() < MIN_ROWS) {
            return Prior.NONE;
        }
        rows.sort(Comparator.comparingDouble(r -> r[0]));
        double half = total / 2;
        double below = 0;
        double center = Double.NaN;
        for (int i = 0; i < rows.size(); i++) {
            below += rows.get(i)[1];
            if (Math.abs(below - half) <= 1e-9 * total && i + 1 < rows.size()) {
                center = (rows.get(i)[0] + rows.get(i + 1)[0]) / 2;
                break;
            }
            if (below > half) {
                center = rows.get(i)[0];
                break;
            }
        }
        return center > 0 ? new Prior(Math.min(MAX_PRIOR_DF, total), center) : Prior.NONE;
    }

    /** The y > 0 with trigamma(y) = x, by bisection on the log scale (trigamma falls from infinity to 0). */
    static double trigammaInverse(double x) {
        double lo = -40;
        double hi = 40;
        for (int i = 0; i < 200; i++) {
            double mid = (lo + hi) / 2;
            if (Trigamma.value(Math.exp(mid)) > x) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.exp((lo + hi) / 2);
    }
}
