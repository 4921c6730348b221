package dev.concurrencybench.ab;

import dev.concurrencybench.results.BenchMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How many warm-up and measured iterations one fork runs, and for timed modes how long each lasts.
 *
 * <p>The time model of one fork is {@code o + (w + i) t}: {@code o} the start of the host JVM and
 * of the fork (about a second together on two cores), {@code t} one call (single-shot) or one
 * iteration (timed modes). A fork's value is the mean of its {@code i} measured iterations, and
 * its noise is the fork-to-fork part plus the call-to-call part over {@code i}. Because {@code o}
 * is paid per fork whatever {@code i} is, measuring for about as long as the start-up costs is near
 * the best use of time: {@code ab} aims at {@link #WARMUP_SECONDS} of warm-up (never more calls than
 * the benchmark declares) and {@link #MEASURE_SECONDS} of measurement per fork.
 *
 * <p>Single-shot rows have unknown call times until one has run, so a row's first pair uses
 * {@link #probe} settings and the rest use {@link #calibrated} ones from the first pair's calls.
 * Explicit {@code -wi/-i/-w/-r} on the command line replace both.
 */
public record ForkSettings(int warmups, int measurements, String warmupTime, String measurementTime) {

    /** Warm-up per fork to aim at. */
    static final double WARMUP_SECONDS = 0.3;
    /** Measurement per fork to aim at. */
    static final double MEASURE_SECONDS = 0.5;
    /** Timed iterations last at most this long (the suite declares 0.5 s and 1 s). */
    static final String MAX_ITERATION_TIME = "200ms";
    static final double MAX_ITERATION_SECONDS = 0.2;
    /** The calls' share of a fork's noise worth paying for: below it, fork-to-fork noise dominates. */
    static final double CALL_NOISE = 0.003;
    /** Enough measured calls for a mean; at most this many (a 14 ms call gets 40). */
    static final int MIN_MEASUREMENTS = 2;
    static final int MAX_MEASUREMENTS = 40;
    /** JMH's default iteration counts, for rows that declare none. */
    static final int JMH_DEFAULT_ITERATIONS = 5;

    /** The JMH flags for these settings. */
    public List<String> args() {
        List<String> out = new ArrayList<>(List.of("-wi", String.valueOf(warmups), "-i", String.valueOf(measurements)));
        if (warmupTime != null) {
            out.addAll(List.of("-w", warmupTime));
        }
        if (measurementTime != null) {
            out.addAll(List.of("-r", measurementTime));
        }
        return out;
    }

    /** The settings of a row's first pair; for timed modes they are already final. */
    static ForkSettings probe(Row row, Map<String, String> explicit) {
        if (row.mode() != BenchMode.SINGLE_SHOT_TIME) {
            String warmupTime = shorter(row.warmupTime());
            String measurementTime = shorter(row.measurementTime());
            int w = clamp((int) Math.ceil(WARMUP_SECONDS / seconds(warmupTime)), 1, declared(row.warmups()));
            int i = clamp((int) Math.ceil(MEASURE_SECONDS / seconds(measurementTime)), MIN_MEASUREMENTS,
                    Math.max(MIN_MEASUREMENTS, declared(row.measurements())));
            return withExplicit(new ForkSettings(w, i, warmupTime, measurementTime), explicit);
        }
        return withExplicit(new ForkSettings(Math.min(2, declared(row.warmups())), MIN_MEASUREMENTS, null, null), explicit);
    }

    /**
     * The settings after the first pair, for a single-shot row whose call took {@code callSeconds}
     * and whose calls spread by {@code callSpread} (standard deviation of their logs within a fork):
     * warm-up calls to fill {@link #WARMUP_SECONDS} (at least one, at most as declared), and measured
     * calls to fill {@link #MEASURE_SECONDS} (2 to 40), but no more than it takes to bring the calls'
     * share of a fork's noise down to {@link #CALL_NOISE} (a 100 ms sleep varies by 0.2%: two calls
     * are as good as ten).
     */
    static ForkSettings calibrated(Row row, double callSeconds, double callSpread, Map<String, String> explicit) {
        if (row.mode() != BenchMode.SINGLE_SHOT_TIME || !(callSeconds > 0)) {
            return probe(row, explicit);
        }
        int declaredWarmups = declared(row.warmups());
        int w = clamp((int) Math.ceil(WARMUP_SECONDS / callSeconds), Math.min(1, declaredWarmups), declaredWarmups);
        int byTime = (int) Math.ceil(MEASURE_SECONDS / callSeconds);
        int byNoise = Double.isNaN(callSpread) ? byTime : (int) Math.ceil(Math.pow(callSpread / CALL_NOISE, 2));
        int i = clamp(Math.min(byTime, byNoise), MIN_MEASUREMENTS, MAX_MEASUREMENTS);
        return withExplicit(new ForkSettings(w, i, null, null), explicit);
    }

    private static ForkSettings withExplicit(ForkSettings s, Map<String, String> explicit) {
        return new ForkSettings(
                explicit.containsKey("-wi") ? Integer.parseInt(explicit.get("-wi")) : s.warmups,
                explicit.containsKey("-i") ? Integer.parseInt(explicit.get("-i")) : s.measurements,
                explicit.getOrDefault("-w", s.warmupTime), explicit.getOrDefault("-r", s.measurementTime));
    }

    private static int declared(int n) {
        return n < 0 ? JMH_DEFAULT_ITERATIONS : n;
    }

    private static int clamp(int x, int lo, int hi) {
        return Math.max(lo, Math.min(hi, x));
    }

    /** A declared iteration time, capped at {@link #MAX_ITERATION_TIME}; JMH's default (10 s) is capped too. */
    private static String shorter(String declared) {
        if (declared == null) {
            return MAX_ITERATION_TIME;
        }
        return seconds(declared) <= MAX_ITERATION_SECONDS ? declared : MAX_ITERATION_TIME;
    }

    /** Seconds in a JMH time such as {@code 500ms}, {@code 1s}, {@code 250us}. */
    static double seconds(String time) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)\\s*(ns|us|ms|s|min|hr|day)").matcher(time.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a JMH time: " + time);
        }
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "ns" -> v * 1e-9;
            case "us" -> v * 1e-6;
            case "ms" -> v * 1e-3;
            case "s" -> v;
            case "min" -> v * 60;
            case "hr" -> v * 3600;
            default -> v * 86400;
        };
    }

    /** Seconds per operation of a single-shot score in {@code unit} (e.g. {@code ms/op}); NaN for other units. */
    static double secondsPerOp(double score, String unit) {
        return switch (unit) {
            case "s/op" -> score;
            case "ms/op" -> score * 1e-3;
            case "us/op" -> score * 1e-6;
            case "ns/op" -> score * 1e-9;
            default -> Double.NaN;
        };
    }
}
