package dev.concurrencybench.results;

import java.util.Arrays;

/**
 * One iteration of a JMH {@code sample} mode run, as JMH stores it in {@code rawDataHistogram}:
 * distinct sampled values, ascending, each with how often it was seen. Kept compact rather than
 * expanded, since one iteration may hold millions of samples.
 */
public record Histogram(double[] values, long[] counts) {

    public Histogram {
        if (values.length != counts.length) {
            throw new IllegalArgumentException("histogram has " + values.length + " values but " + counts.length + " counts");
        }
        values = values.clone();
        counts = counts.clone();
    }

    /** How many samples the iteration took. */
    public long count() {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        return n;
    }

    /** The mean of all samples: the iteration's score, as JMH computes it. NaN when empty. */
    public double mean() {
        double sum = 0;
        long n = 0;
        for (int i = 0; i < values.length; i++) {
            sum += values[i] * counts[i];
            n += counts[i];
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /**
     * The sample at quantile {@code q} in [0, 1] (nearest rank, as a sorted expansion of the
     * histogram would give); NaN when empty.
     */
    public double percentile(double q) {
        if (q < 0 || q > 1 || Double.isNaN(q)) {
            throw new IllegalArgumentException("quantile must be in [0, 1], got " + q);
        }
        long n = count();
        if (n == 0) {
            return Double.NaN;
        }
        long rank = Math.max(1, (long) Math.ceil(q * n));
        long seen = 0;
        for (int i = 0; i < values.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public long[] counts() {
        return counts.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Histogram h && Arrays.equals(values, h.values) && Arrays.equals(counts, h.counts);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(values) + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "Histogram[" + values.length + " distinct values, " + count() + " samples]";
    }
}
