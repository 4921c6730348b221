package dev.concurrencybench.report;

import dev.concurrencybench.results.BenchMode;

/**
 * Converts an ideal computed in milliseconds per batch into a row's own JMH unit, so the ideal
 * sits on the same axis as the measured bar: {@code ms/op}, {@code us/op} and the like for time
 * modes, {@code ops/s} and the like (one over the time) for throughput.
 */
final class Units {

    private Units() {
    }

    /** {@code millis} expressed in {@code unit}, or NaN when the unit is not one of JMH's. */
    static double fromMillis(double millis, String unit) {
        if (unit == null || !Double.isFinite(millis) || millis <= 0) {
            return Double.NaN;
        }
        if (unit.endsWith("/op")) {
            double perMs = millisPer(unit.substring(0, unit.length() - 3));
            return Double.isNaN(perMs) ? Double.NaN : millis / perMs;
        }
        if (unit.startsWith("ops/")) {
            double perMs = millisPer(unit.substring(4));
            return Double.isNaN(perMs) ? Double.NaN : perMs / millis;
        }
        return Double.NaN;
    }

    /** A score in {@code unit} as milliseconds per call, or NaN when the unit is not one of JMH's. */
    static double toMillis(double score, String unit) {
        if (unit == null || !Double.isFinite(score) || score <= 0) {
            return Double.NaN;
        }
        if (unit.endsWith("/op")) {
            return score * millisPer(unit.substring(0, unit.length() - 3));
        }
        if (unit.startsWith("ops/")) {
            return millisPer(unit.substring(4)) / score;
        }
        return Double.NaN;
    }

    /** How many milliseconds one of {@code timeUnit} lasts. */
    private static double millisPer(String timeUnit) {
        return switch (timeUnit) {
            case "ns" -> 1e-6;
            case "us" -> 1e-3;
            case "ms" -> 1;
            case "s" -> 1e3;
            case "min" -> 60e3;
            case "hr" -> 3600e3;
            case "day" -> 86400e3;
            default -> Double.NaN;
        };
    }

    /** A y-axis title for a unit: what the number means, then the unit. */
    static String axisTitle(BenchMode mode, String unit) {
        if (mode == BenchMode.THROUGHPUT) {
            return "throughput (" + unit + ", higher is better)";
        }
        return "time per call (" + unit + ", lower is better)";
    }
}
