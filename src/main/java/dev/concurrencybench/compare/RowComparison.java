package dev.concurrencybench.compare;

import dev.concurrencybench.results.BenchmarkResult.RowKey;

/**
 * One line of a comparison: one metric of one row on both sides.
 *
 * @param metric          null for the primary metric, else the secondary metric's name
 * @param higherIsBetter  null when the unit gives no direction (some secondary metrics)
 * @param base            null for an added row
 * @param next            null for a removed row
 * @param ratio           mean(new) / mean(base), fork means weighted equally; NaN when not computed
 * @param ciLow           lower end of the bootstrap interval on the ratio
 * @param ciHigh          upper end
 * @param p               raw two-sided p-value of the Welch test on log fork means; NaN when not tested
 * @param pAdjusted       Holm–Bonferroni adjusted p within its family (primary or secondary rows)
 * @param verdictText     the verdict as shown, e.g. {@code regression} or {@code inconclusive: 2 forks}
 */
public record RowComparison(RowKey key, String metric, String unit, Boolean higherIsBetter, Side base, Side next,
                            double ratio, double ciLow, double ciHigh, double p, double pAdjusted, Verdict verdict,
                            String verdictText) {

    public boolean secondary() {
        return metric != null;
    }

    /** The row's name as shown: {@code Class.method} plus {@code :metric} for a secondary metric. */
    public String name() {
        String n = key.display().split(" ", 2)[0];
        return metric == null ? n : n + ":" + metric;
    }

    /** The params as shown, {@code a=1 b=2}, or empty. */
    public String params() {
        StringBuilder sb = new StringBuilder();
        key.params().forEach((k, v) -> sb.append(sb.isEmpty() ? "" : " ").append(k).append('=').append(v));
        return sb.toString();
    }

    /**
     * One side of a row.
     *
     * @param score  JMH's score when one file gave the row, else the mean of the merged fork means
     * @param error  JMH's 99.9% half-width, recomputed over all iterations when files were merged
     */
    public record Side(double score, double error, int forks, int iterations) {
    }

    /**
     * The geometric mean over the matched, conclusive primary rows of the time-like ratio (new/base
     * for time modes, base/new for throughput, so below 1 is faster everywhere), with a bootstrap
     * interval. Informational: the exit code comes from the rows.
     */
    public record Geomean(int rows, double ratio, double ciLow, double ciHigh, String verdictText) {
    }
}
