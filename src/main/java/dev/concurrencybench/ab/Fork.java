package dev.concurrencybench.ab;

/**
 * What one fork of one row gave.
 *
 * @param value        the fork's score: the mean of its measured iterations, in {@code unit}
 * @param measurements the measured iterations' scores that {@code value} is the mean of
 * @param unit         JMH's score unit, e.g. {@code ms/op} or {@code ops/s}
 * @param callSeconds  for a single-shot row, the mean call in seconds (to size the next forks); else NaN
 * @param record       the fork's own JMH JSON row, kept to merge into the side's results file; may be null
 * @param nanos        how long the whole JMH call took, start-up included
 * @param failure      null when the fork ran; else one line saying why not
 */
public record Fork(double value, double[] measurements, String unit, double callSeconds, Object record, long nanos,
                   String failure) {

    public static Fork failed(String why, long nanos) {
        return new Fork(Double.NaN, new double[0], null, Double.NaN, null, nanos, why);
    }

    public boolean ok() {
        return failure == null;
    }
}
