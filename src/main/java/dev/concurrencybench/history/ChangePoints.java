package dev.concurrencybench.history;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Change points in one series of log ratios, each with its own standard error: binary segmentation
 * (Scott and Knott 1974; Vostrikova 1981) with the likelihood-ratio test of one shift in the mean of
 * independent normal points of known variances (Hinkley 1970), weighted by those variances.
 *
 * <p>The model: point i is {@code mu(segment) + e_i + u_i + c(epoch)}, where {@code e_i} is the run's
 * own error (variance {@code v_i}, from ab), {@code u_i} the run-to-run error that ab's pairs cannot see
 * (a night's runner, say; variance {@code tau²}, one for the series) and {@code c} the error of the
 * links that chain an anchor to the series' first one, shared by every point measured against it.
 * {@code tau²} is estimated from successive differences by their median, so that a few steps do not
 * inflate it (the MAD estimate binary segmentation uses; Fryzlewicz 2014).
 *
 * <p>For a stretch of points, every split leaves a weighted mean on each side; their difference over
 * its standard error is {@code Z}, and the split with the largest {@code |Z|} is the candidate. Its
 * p-value is that of the largest {@code |Z|} over all the splits, found by simulating the stretch under
 * no change with the same variances (a seeded parametric bootstrap): a scan over many splits finds a
 * large {@code |Z|} by chance far more often than one test would. A split with {@code p < alpha} is a
 * change point, and both sides are searched again.
 */
final class ChangePoints {

    /** The median of a chi-square variable on one degree of freedom. */
    static final double MEDIAN_CHI2_1 = 0.45493642311957;
    /** Normal quantile of a two-sided 95% interval. */
    static final double Z95 = 1.959963984540054;

    /**
     * @param alpha       the level of each split's test
     * @param minRun      the fewest points a segment may have
     * @param simulations the most simulated stretches per test
     * @param seed        the simulations' seed; the same input gives the same answer
     */
    record Options(double alpha, int minRun, int simulations, long seed) {
        Options {
            if (!(alpha > 0 && alpha < 1)) {
                throw new HistoryException("--alpha must be between 0 and 1, got " + alpha);
            }
            if (minRun < 1) {
                throw new HistoryException("--min-runs must be at least 1, got " + minRun);
            }
        }
    }

    /**
     * The errors shared by the points measured against one anchor: each epoch's chain of links from the
     * series' first anchor (epoch 0, no chain).
     *
     * @param paths   per epoch, the links on its chain
     * @param linkVar per link, the variance of its log ratio
     */
    record Chain(int[][] paths, double[] linkVar) {

        static final Chain NONE = new Chain(new int[][] {{}}, new double[0]);

        int epochs() {
            return paths.length;
        }

        /** Covariance of two epochs' chained errors: the variances of the links both chains share. */
        double cov(int g, int h) {
            double sum = 0;
            for (int a : paths[g]) {
                for (int b : paths[h]) {
                    if (a == b) {
                        sum += linkVar[a];
                    }
                }
            }
            return sum;
        }
    }

    /** A stretch of points [from, to) between change points, with its weighted mean and that mean's variance. */
    record Segment(int from, int to, double mean, double variance) {
    }

    /**
     * A change point: the segment starting at point {@code at} differs from the one before by {@code size}
     * (its mean minus the one before's), with standard error {@code se} and the scan's p-value.
     */
    record Change(int at, double size, double se, double p) {
        double low() {
            return size - Z95 * se;
        }

        double high() {
            return size + Z95 * se;
        }
    }

    /** @param tau2 the run-to-run variance estimated for the series */
    record Result(double tau2, List<Segment> segments, List<Change> changes) {
        Result {
            segments = List.copyOf(segments);
            changes = List.copyOf(changes);
        }
    }

    private final double[] y;
    private final double[] w;
    private final double[] sd;
    private final int[] epoch;
    private final Chain chain;
    private final double[][] cov;
    private final Options options;
    private final double tau2;

    private ChangePoints(double[] y, double[] v, int[] epoch, Chain chain, Options options) {
        this.y = y;
        this.epoch = epoch;
        this.chain = chain;
        this.options = options;
        int e = chain.epochs();
        cov = new double[e][e];
        for (int g = 0; g < e; g++) {
            for (int h = 0; h < e; h++) {
                cov[g][h] = chain.cov(g, h);
            }
        }
        tau2 = tau2(y, v, epoch, cov);
        w = new double[y.length];
        sd = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            w[i] = 1 / (v[i] + tau2);
            sd[i] = Math.sqrt(v[i] + tau2);
        }
    }

    /**
     * The change points of a series.
     *
     * @param y     the points' log ratios, in time order
     * @param v     each point's own variance (ab's standard error squared)
     * @param epoch each point's epoch in {@code chain}
     */
    static Result detect(double[] y, double[] v, int[] epoch, Chain chain, Options options) {
        if (y.length != v.length || y.length != epoch.length) {
            throw new IllegalArgumentException("y, v and epoch differ in length");
        }
        ChangePoints c = new ChangePoints(y, v, epoch, chain, options);
        List<double[]> found = new ArrayList<>();
        c.split(0, y.length, found);
        found.sort(Comparator.comparingDouble(f -> f[0]));
        List<Segment> segments = new ArrayList<>();
        int from = 0;
        for (double[] f : found) {
            segments.add(c.segment(from, (int) f[0]));
            from = (int) f[0];
        }
        segments.add(c.segment(from, y.length));
        List<Change> changes = new ArrayList<>();
        for (int k = 0; k < found.size(); k++) {
            Segment before = segments.get(k);
            Segment after = segments.get(k + 1);
            double[] s = c.difference(before.from, after.from, after.to);
            changes.add(new Change(after.from, s[0], Math.sqrt(s[1]), found.get(k)[1]));
        }
        return new Result(c.tau2, segments, changes);
    }

    /** Searches [a, b) for a change point, and each side again after one; adds {split, p} to found. */
    private void split(int a, int b, List<double[]> found) {
        if (b - a < 2 * options.minRun()) {
            return;
        }
        double[] best = scan(y, a, b);
        double p = pValue(a, b, best[1]);
        if (p < options.alpha()) {
            int s = (int) best[0];
            found.add(new double[] {s, p});
            split(a, s, found);
            split(s, b, found);
        }
    }

    /** {split, |Z|} of the split of [a, b) with the largest |Z|, for the values {@code ys}. */
    private double[] scan(double[] ys, int a, int b) {
        int n = b - a;
        int e = chain.epochs();
        double[] cw = new double[n + 1];
        double[] cwy = new double[n + 1];
        double[][] cwe = e > 1 ? new double[e][n + 1] : null;
        for (int i = 0; i < n; i++) {
            cw[i + 1] = cw[i] + w[a + i];
            cwy[i + 1] = cwy[i] + w[a + i] * ys[a + i];
            if (cwe != null) {
                for (int g = 0; g < e; g++) {
                    cwe[g][i + 1] = cwe[g][i] + (epoch[a + i] == g ? w[a + i] : 0);
                }
            }
        }
        double bestZ = -1;
        int bestS = -1;
        double[] share = cwe == null ? null : new double[e];
        for (int k = options.minRun(); k <= n - options.minRun(); k++) {
            double wl = cw[k];
            double wr = cw[n] - wl;
            double d = (cwy[n] - cwy[k]) / wr - cwy[k] / wl;
            double var = 1 / wl + 1 / wr;
            if (share != null) {
                for (int g = 0; g < e; g++) {
                    share[g] = (cwe[g][n] - cwe[g][k]) / wr - cwe[g][k] / wl;
                }
                var += quadratic(share);
            }
            double z = Math.abs(d) / Math.sqrt(var);
            if (z > bestZ) {
                bestZ = z;
                bestS = a + k;
            }
        }
        return new double[] {bestS, bestZ};
    }

    /** {@code share' K share}: the variance the chained links add to a difference of weighted means. */
    private double quadratic(double[] share) {
        double sum = 0;
        for (int g = 0; g < share.length; g++) {
            for (int h = 0; h < share.length; h++) {
                sum += share[g] * share[h] * cov[g][h];
            }
        }
        return sum;
    }

    /**
     * The share of simulated stretches under no change whose largest |Z| reaches {@code z}, as
     * {@code (1 + reached) / (1 + simulated)}; it stops early once that cannot fall below alpha.
     */
    private double pValue(int a, int b, double z) {
        int sims = options.simulations();
        int enough = (int) Math.ceil(options.alpha() * (sims + 1));
        SplittableRandom random = new SplittableRandom(options.seed() * 1_000_003L + a * 7919L + b);
        double[] ys = new double[y.length];
        double[] links = new double[chain.linkVar().length];
        int reached = 0;
        for (int s = 1; s <= sims; s++) {
            for (int j = 0; j < links.length; j++) {
                links[j] = random.nextGaussian() * Math.sqrt(chain.linkVar()[j]);
            }
            for (int i = a; i < b; i++) {
                double shared = 0;
                for (int j : chain.paths()[epoch[i]]) {
                    shared += links[j];
                }
                ys[i] = random.nextGaussian() * sd[i] + shared;
            }
            if (scan(ys, a, b)[1] >= z && ++reached + 1 >= enough) {
                return (reached + 1.0) / (s + 1.0);
            }
        }
        return (reached + 1.0) / (sims + 1.0);
    }

    private Segment segment(int from, int to) {
        double sw = 0;
        double swy = 0;
        double[] share = new double[chain.epochs()];
        for (int i = from; i < to; i++) {
            sw += w[i];
            swy += w[i] * y[i];
            share[epoch[i]] += w[i];
        }
        for (int g = 0; g < share.length; g++) {
            share[g] /= sw;
        }
        return new Segment(from, to, swy / sw, 1 / sw + quadratic(share));
    }

    /** {difference, variance} of the weighted means of [s, b) and [a, s). */
    private double[] difference(int a, int s, int b) {
        double wl = 0;
        double wr = 0;
        double yl = 0;
        double yr = 0;
        double[] share = new double[chain.epochs()];
        double[] right = new double[chain.epochs()];
        for (int i = a; i < b; i++) {
            if (i < s) {
                wl += w[i];
                yl += w[i] * y[i];
                share[epoch[i]] += w[i];
            } else {
                wr += w[i];
                yr += w[i] * y[i];
                right[epoch[i]] += w[i];
            }
        }
        for (int g = 0; g < share.length; g++) {
            share[g] = right[g] / wr - share[g] / wl;
        }
        return new double[] {yr / wr - yl / wl, 1 / wl + 1 / wr + quadratic(share)};
    }

    /**
     * The run-to-run variance: the {@code tau²} at which the median of each successive difference's
     * square over its expected variance ({@code v_i + v_i+1 + 2 tau²}, plus the links' part across an
     * anchor move) is the median of a chi-square on one degree of freedom; 0 when the runs' own errors
     * already explain the differences. A step moves one difference only, so the median ignores it.
     */
    static double tau2(double[] y, double[] v, int[] epoch, double[][] cov) {
        int n = y.length - 1;
        if (n < 2) {
            return 0;
        }
        double[] d2 = new double[n];
        double[] base = new double[n];
        double hi = 0;
        for (int i = 0; i < n; i++) {
            double d = y[i + 1] - y[i];
            int g = epoch[i];
            int h = epoch[i + 1];
            d2[i] = d * d;
            base[i] = v[i] + v[i + 1] + cov[g][g] + cov[h][h] - 2 * cov[g][h];
            hi = Math.max(hi, d2[i]);
        }
        if (medianRatio(d2, base, 0) <= MEDIAN_CHI2_1) {
            return 0;
        }
        double lo = 0;
        for (int i = 0; i < 100 && hi - lo > 1e-15; i++) {
            double mid = (lo + hi) / 2;
            if (medianRatio(d2, base, mid) > MEDIAN_CHI2_1) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    private static double medianRatio(double[] d2, double[] base, double tau2) {
        double[] r = new double[d2.length];
        for (int i = 0; i < r.length; i++) {
            double expected = base[i] + 2 * tau2;
            r[i] = expected > 0 ? d2[i] / expected : (d2[i] > 0 ? Double.POSITIVE_INFINITY : 0);
        }
        Arrays.sort(r);
        int m = r.length / 2;
        return r.length % 2 == 1 ? r[m] : (r[m - 1] + r[m]) / 2;
    }
}
