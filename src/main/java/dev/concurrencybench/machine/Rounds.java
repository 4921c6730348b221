package dev.concurrencybench.machine;

import org.apache.commons.statistics.descriptive.Median;
import org.apache.commons.statistics.descriptive.Quantile;

/**
 * Robust figures of one CPU's rounds in a core check, each in time order: where they sit, how far
 * apart their middle half is, and which way they trend. A stray round (an interrupt, a neighbour's
 * burst) moves none of them; a speed that keeps moving moves the spread or the drift.
 */
final class Rounds {

    // Both sort their input in place unless told to copy, and the drift needs the rounds in time order.
    private static final Median MEDIAN = Median.withDefaults().withCopy(true);
    /** Hyndman-Fan 7 (R's default): with 9 rounds the quartiles are exactly the 3rd and 7th fastest. */
    private static final Quantile QUANTILE = Quantile.withDefaults().withCopy(true).with(Quantile.EstimationMethod.HF7);

    private Rounds() {
    }

    static double median(double[] rounds) {
        return MEDIAN.evaluate(rounds);
    }

    /** The interquartile range over the median: the spread of the middle half, which ignores the fastest and slowest quarter. */
    static double iqr(double[] rounds) {
        double[] q = QUANTILE.evaluate(rounds, 0.25, 0.75);
        return (q[1] - q[0]) / median(rounds);
    }

    /**
     * How much the time per call changed from the first round to the last, over the median, along
     * the Theil-Sen line: the median of the slopes between every pair of rounds, so that a stray
     * round tilts it no more than it shifts a median. Positive: the CPU got slower. 0 for one round.
     */
    static double drift(double[] rounds) {
        int n = rounds.length;
        if (n < 2) {
            return 0;
        }
        double[] slopes = new double[n * (n - 1) / 2];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                slopes[k++] = (rounds[j] - rounds[i]) / (j - i);
            }
        }
        return median(slopes) * (n - 1) / median(rounds);
    }
}
