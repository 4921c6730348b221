package dev.concurrencybench.compare;

/**
 * The verdict rule shared by {@code compare} and {@code ab}, on the log scale so that a change and
 * its inverse weigh the same: the minimum effect is {@code |ln ratio| >= ln(1 + minEffect)}, which
 * makes a 5% slowdown of a throughput row (a 4.76% drop in ops/s) count like a 5% slower time.
 * <ul>
 *   <li>{@code regression} / {@code improvement}: significant (after Holm) and at least the minimum effect;</li>
 *   <li>{@code no change}: the interval lies inside plus or minus the minimum effect;</li>
 *   <li>{@code inconclusive}: neither, e.g. an interval too wide to say.</li>
 * </ul>
 */
public final class Decision {

    private Decision() {
    }

    /** A verdict and the words shown for it. */
    public record Outcome(Verdict verdict, String text) {
    }

    /**
     * @param logRatio       the estimate, ln(new / base) of the row's own score
     * @param logLow         lower end of its interval, same scale
     * @param logHigh        upper end
     * @param significant    whether the Holm-adjusted p-value is below alpha
     * @param higherIsBetter the row's direction; null when its unit gives none
     */
    public static Outcome decide(double logRatio, double logLow, double logHigh, boolean significant, double minEffect,
                                 Boolean higherIsBetter) {
        double threshold = Math.log1p(minEffect);
        if (significant && Math.abs(logRatio) >= threshold) {
            if (higherIsBetter == null) {
                return new Outcome(Verdict.CHANGED, Verdict.CHANGED.label());
            }
            Verdict v = (logRatio > 0) == higherIsBetter ? Verdict.IMPROVEMENT : Verdict.REGRESSION;
            return new Outcome(v, v.label());
        }
        if (logLow > -threshold && logHigh < threshold) {
            return new Outcome(Verdict.NO_CHANGE, Verdict.NO_CHANGE.label());
        }
        String why = significant ? "significant, below " + percent(minEffect) : "interval wider than ±" + percent(minEffect);
        return new Outcome(Verdict.INCONCLUSIVE, "inconclusive: " + why);
    }

    /** Whether a log ratio is at least the minimum effect, in either direction. */
    public static boolean atLeast(double logRatio, double minEffect) {
        return Math.abs(logRatio) >= Math.log1p(minEffect);
    }

    static String percent(double fraction) {
        double pct = fraction * 100;
        return (pct == Math.rint(pct) ? String.valueOf((long) pct) : String.valueOf(pct)) + "%";
    }
}
