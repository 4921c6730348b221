package dev.concurrencybench.compare;

import java.util.Arrays;
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

    /** The mean of the logarithms: the log of the geometric mean. */
    public static double meanLog(double[] xs) {
        double s = 0;
        for (double x : xs) {
            s += Math.log(x);
        }
        return xs.length == 0 ? Double.NaN : s / xs.length;
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

    /** The sample variance (n - 1 in the denominator); 0 below two values. */
    public static double variance(double[] xs) {
        double m = mean(xs);
        double s = 0;
        for (double x : xs) {
            s += (x - m) * (x - m);
        }
        return xs.length < 2 ? 0 : s / (xs.length - 1);
    }

    /**
     * Hierarchical bootstrap of the geometric estimator {@code meanLog(new fork means) - meanLog(base
     * fork means)}, the same one the ratio and the test use: each replicate draws the forks of each
     * side with replacement, then the iterations within each drawn fork with replacement. Returns
     * the replicates in the order drawn (independent of other rows' replicates).
     */
    public static double[] bootstrapLogRatios(double[][] base, double[][] nw, int replicates, long seed) {
        double[] out = new double[replicates];
        Indices random = new Indices(seed);
        for (int b = 0; b < replicates; b++) {
            out[b] = resampledMeanLog(nw, random) - resampledMeanLog(base, random);
        }
        return out;
    }

    private static double resampledMeanLog(double[][] forks, Indices random) {
        double sum = 0;
        for (int i = 0; i < forks.length; i++) {
            double[] fork = forks[random.below(forks.length)];
            double s = 0;
            for (int j = 0; j < fork.length; j++) {
                s += fork[random.below(fork.length)];
            }
            sum += Math.log(s / fork.length);
        }
        return sum / forks.length;
    }

    /**
     * Random indices for the bootstrap, which draws tens of millions of them for a large compare:
     * SplitMix64 with a multiply-shift range reduction, faster than SplittableRandom's rejection
     * loop. The bias (bound / 2^32) is far below anything a bootstrap percentile can show.
     */
    static final class Indices {
        private long state;

        Indices(long seed) {
            state = seed;
        }

        int below(int bound) {
            long z = (state += 0x9E3779B97F4A7C15L);
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            z ^= z >>> 31;
            return (int) (((z >>> 32) * bound) >>> 32);
        }
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
     * The same type-7 quantile without sorting: a selection in linear time, which matters when a
     * compare of 1000 rows takes two quantiles of 1000 replicates per row. Reorders {@code data}.
     */
    public static double quantileUnsorted(double[] data, double q) {
        int n = data.length;
        if (n == 0) {
            return Double.NaN;
        }
        double pos = q * (n - 1);
        int k = (int) Math.floor(pos);
        double atK = select(data, k);
        if (k + 1 >= n || pos == k) {
            return atK;
        }
        // After selecting k, everything right of it is >= data[k]: the next order statistic is their minimum.
        double next = data[k + 1];
        for (int i = k + 2; i < n; i++) {
            next = Math.min(next, data[i]);
        }
        return atK + (pos - k) * (next - atK);
    }

    /** Puts the k-th smallest value at index k (Hoare's quickselect, middle pivot) and returns it. */
    private static double select(double[] a, int k) {
        int left = 0;
        int right = a.length - 1;
        while (left < right) {
            double pivot = a[(left + right) >>> 1];
            int i = left;
            int j = right;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                right = j;
            } else if (k >= i) {
                left = i;
            } else {
                break;
            }
        }
        return a[k];
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
