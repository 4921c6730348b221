package dev.concurrencybench.compare;

/**
 * How {@code compare} decides.
 *
 * @param alpha          family-wise significance level, Holm–Bonferroni over the rows of one compare
 * @param minEffect      smallest relative change worth reporting, e.g. 0.05 for 5%
 * @param minForks       fewer forks than this on either side makes a row inconclusive
 * @param seed           bootstrap seed; a fixed seed makes the output reproducible
 * @param replicates     bootstrap replicates per row
 * @param secondary      whether secondary metrics (e.g. from -prof gc) are compared too
 */
public record CompareOptions(double alpha, double minEffect, int minForks, long seed, int replicates, boolean secondary) {

    public static final double DEFAULT_ALPHA = 0.05;
    public static final double DEFAULT_MIN_EFFECT = 0.05;
    /** A Welch test on fork means has 2 degrees of freedom or more only from 3 forks per side. */
    public static final int DEFAULT_MIN_FORKS = 3;
    public static final long DEFAULT_SEED = 20261127L;
    public static final int DEFAULT_REPLICATES = 1000;

    public CompareOptions {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be between 0 and 1, got " + alpha);
        }
        if (!(minEffect >= 0 && minEffect < 10)) {
            throw new IllegalArgumentException("min effect must be a fraction >= 0, got " + minEffect);
        }
        if (minForks < 2) {
            throw new IllegalArgumentException("min forks must be at least 2, got " + minForks);
        }
        if (replicates < 100) {
            throw new IllegalArgumentException("bootstrap replicates must be at least 100, got " + replicates);
        }
    }

    /** How {@code compare} describes itself in its output. */
    public Comparison.Design design() {
        java.util.Map<String, Object> o = new java.util.LinkedHashMap<>();
        o.put("alpha", alpha);
        o.put("minEffect", minEffect);
        o.put("minForks", minForks);
        o.put("seed", seed);
        o.put("bootstrapReplicates", replicates);
        String method = "alpha " + java.math.BigDecimal.valueOf(alpha).stripTrailingZeros().toPlainString()
                + " Holm-Bonferroni, min effect " + Decision.percent(minEffect) + ", min forks " + minForks;
        return new Comparison.Design("Benchmark comparison", method, o);
    }

    public static CompareOptions defaults() {
        return new CompareOptions(DEFAULT_ALPHA, DEFAULT_MIN_EFFECT, DEFAULT_MIN_FORKS, DEFAULT_SEED, DEFAULT_REPLICATES, true);
    }
}
