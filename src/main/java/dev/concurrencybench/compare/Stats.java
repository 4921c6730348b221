package dev.concurrencybench.compare;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.statistics.inference.DataDispersion;
import org.apache.commons.statistics.inference.TTest;

/**
 * The statistics of {@code compare}, with forks as the unit of replication. Iterations inside one
 * fork share its JIT decisions and memory layout (JMHSample_13), so they are not independent: the
 * test uses one value per fork, and the bootstrap resamples forks before iterations.
 */
public final class Stats {

    private static final TTest WELCH = TTest.withDefaults().with(DataDispersion.HETEROSCEDASTIC);

    private Stats() {
    }

    /** The mean of each fork's iterations (non-finite iterations make that fork's mean non-finite). */
    public static double[] forkMeans(double[][] forks) {
        double[] means = new double[forks.length];
        for (int f = 0; f < forks.length; f++) {
            means[f] = mean(forks[f]);
        }
        return means;
    }

    /** The mean of the fork means: every fork weighs the same, whatever its iteration count. */
    public static double grandMean(double[][] forks) {
        return mean(forkMeans(forks));
    }

    static double mean(double[] xs) {
        double s = 0;
        for (double x : xs) {
            s += x;
        }
        return xs.length == 0 ? Double.NaN : s / xs.length;
    }

    /**
     * Two-sided Welch t-test on the logarithms of the fork means, so the sample size is the number
     * of forks and the effect is a ratio. Needs at least two positive, finite fork means per side;
     * when both sides have no spread at all, the answer is 1 for equal means and 0 otherwise.
     */
    public static double pValue(double[] baseForkMeans, double[] newForkMeans) {
        double[] x = logs(baseForkMeans);
        double[] y = logs(newForkMeans);
        if (x.length < 2 || y.length < 2) {
            return Double.NaN;
        }
        if (variance(x) == 0 && variance(y) == 0) {
            return mean(x) == mean(y) ? 1.0 : 0.0;
        }
        return WELCH.test(x, y).getPValue();
    }

    private static double[] logs(double[] xs) {
        double[] out = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            out[i] = Math.log(xs[i]);
        }
        return out;
    }

    static double variance(double[] xs) {
        double m = mean(xs);
        double s = 0;
        for (double x : xs) {
            s += (x - m) * (x - m);
        }
        return xs.length < 2 ? 0 : s / (xs.length - 1);
    }

    /**
     * Hierarchical bootstrap of {@code ln(mean(new) / mean(base))}: each replicate draws the forks
     * of each side with replacement, then the iterations within each drawn fork with replacement.
     * Returns the replicates in the order drawn (independent of other rows' replicates).
     */
    public static double[] bootstrapLogRatios(double[][] base, double[][] nw, int replicates, SplittableRandom random) {
        double[] out = new double[replicates];
        for (int b = 0; b < replicates; b++) {
            out[b] = Math.log(resampledMean(nw, random) / resampledMean(base, random));
        }
        return out;
    }

    private static double resampledMean(double[][] forks, SplittableRandom random) {
        double sum = 0;
        for (int i = 0; i < forks.length; i++) {
            double[] fork = forks[random.nextInt(forks.length)];
            double s = 0;
            for (int j = 0; j < fork.length; j++) {
                s += fork[random.nextInt(fork.length)];
            }
            sum += s / fork.length;
        }
        return sum / forks.length;
    }

    /** The q-quantile of sorted data, linearly interpolated (type 7). */
    public static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /**
     * Holm–Bonferroni adjusted p-values, in the input's order: the i-th smallest p is multiplied by
     * (m - i), made monotone, capped at 1. NaN entries (rows not tested) are left NaN and do not
     * count towards m.
     */
    public static double[] holm(double[] p) {
        Integer[] order = new Integer[p.length];
        int m = 0;
        for (int i = 0; i < p.length; i++) {
            if (!Double.isNaN(p[i])) {
                order[m++] = i;
            }
        }
        Integer[] tested = Arrays.copyOf(order, m);
        Arrays.sort(tested, (a, b) -> Double.compare(p[a], p[b]));
        double[] adjusted = new double[p.length];
        Arrays.fill(adjusted, Double.NaN);
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            double a = Math.min(1.0, (m - rank) * p[tested[rank]]);
            running = Math.max(running, a);
            adjusted[tested[rank]] = running;
        }
        return adjusted;
    }

    /** JMH's error: half-width of the 99.9% Student-t interval over all values (NaN for fewer than 2). */
    public static double jmhError(double[] all) {
        if (all.length < 2) {
            return Double.NaN;
        }
        double t = org.apache.commons.statistics.distribution.TDistribution.of(all.length - 1).inverseSurvivalProbability(0.0005);
        return t * Math.sqrt(variance(all) / all.length);
    }
}
