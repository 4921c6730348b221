package dev.concurrencybench.compare;

import dev.concurrencybench.results.BenchmarkResult.RowKey;

/**
 * One line of a comparison: one metric of one row on both sides.
 *
 * @param metric          which metric: {@link MetricKey#PRIMARY} or a secondary metric
 * @param higherIsBetter  null when the unit gives no direction (some secondary metrics)
 * @param base            null for an added row
 * @param next            null for a removed row
 * @param ratio           the estimate of new/base on the row's own scale (geometric: exp of a mean of logs); NaN when not computed
 * @param ciLow           lower end of the interval on the ratio
 * @param ciHigh          upper end
 * @param p               raw two-sided p-value; NaN when not tested
 * @param pAdjusted       Holm–Bonferroni adjusted p within its family (primary or secondary rows)
 * @param mde             minimum detectable effect as a fraction (e.g. 0.04 for 4%), or NaN when not computed
 * @param verdictText     the verdict as shown, e.g. {@code regression} or {@code inconclusive: 2 forks}
 * @param df              the degrees of freedom of the test ({@code ab}: moderated), or NaN
 */
public record RowComparison(RowKey key, MetricKey metric, String unit, Boolean higherIsBetter, Side base, Side next,
                            double ratio, double ciLow, double ciHigh, double p, double pAdjusted, double mde,
                            Verdict verdict, String verdictText, double df) {

    /** A line without degrees of freedom, as {@code compare} makes it. */
    public RowComparison(RowKey key, MetricKey metric, String unit, Boolean higherIsBetter, Side base, Side next,
                         double ratio, double ciLow, double ciHigh, double p, double pAdjusted, double mde, Verdict verdict,
                         String verdictText) {
        this(key, metric, unit, higherIsBetter, base, next, ratio, ciLow, ciHigh, p, pAdjusted, mde, verdict, verdictText,
                Double.NaN);
    }

    public boolean secondary() {
        return !metric.primary();
    }

    /** The row's name as shown: {@code Class.method} plus {@code :metric} for a secondary metric. */
    public String name() {
        String n = key.display().split(" ", 2)[0];
        return metric.primary() ? n : n + ":" + metric.name();
    }

    /** The params as shown, {@code a=1 b=2}, or empty. */
    public String params() {
        StringBuilder sb = new StringBuilder();
        key.params().forEach((k, v) -> sb.append(sb.isEmpty() ? "" : " ").append(k).append('=').append(v));
        return sb.toString();
    }

    /** The same line with a verdict (and the adjusted p-value it came from). */
    RowComparison decided(double adjusted, Verdict v, String text) {
        return new RowComparison(key, metric, unit, higherIsBetter, base, next, ratio, ciLow, ciHigh, p, adjusted, mde, v, text,
                df);
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
     * for time modes, base/new for throughput, so below 1 is faster everywhere), with an interval.
     * Informational: the exit code comes from the rows.
     *
     * @param df the degrees of freedom of its interval ({@code ab}: Welch–Satterthwaite over the rows'), or NaN
     */
    public record Geomean(int rows, double ratio, double ciLow, double ciHigh, String verdictText, double df) {

        /** A geomean without degrees of freedom, as {@code compare} makes it. */
        public Geomean(int rows, double ratio, double ciLow, double ciHigh, String verdictText) {
            this(rows, ratio, ciLow, ciHigh, verdictText, Double.NaN);
        }
    }
}
