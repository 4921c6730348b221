package dev.concurrencybench.machine;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What one core check found: each CPU's time for the same fixed piece of the suite's CPU work,
 * its speed relative to the fastest CPU, how steady its rounds were, and a verdict. Written to
 * the results sidecar and by {@code cores --json}; {@link CoreChecker} measures it.
 *
 * <p>The verdict rests on robust figures of each CPU's rounds (its median, the interquartile range
 * and the Theil-Sen drift, see {@link Rounds}), so that one stray round does not decide it. Checks
 * recorded before those figures existed have {@code iqr} and {@code drift} null and keep the
 * verdict they were given then (by the range of the rounds).
 *
 * @param time        when the check ended, ISO-8601 UTC
 * @param kernel      the work timed per call, e.g. {@code fib(30)}
 * @param repetitions calls per sample; a sample is one timed batch on one CPU
 * @param rounds      samples per CPU, taken round-robin across the CPUs
 * @param pinnedWith  {@code sched_setaffinity} or {@code taskset}; null when pinning was impossible and
 *                    each "CPU" is only a slot the scheduler placed anywhere
 * @param cpus        one entry per CPU, in CPU order
 * @param capacity    the sum of the relative speeds: the CPUs' worth in fastest-core equivalents
 * @param spread      the largest range of any CPU (see {@link CpuSpeed#spread()})
 * @param iqr         the largest interquartile range of any CPU (see {@link CpuSpeed#iqr()}); null in older checks
 * @param drift       the drift of the CPU that drifted most, with its sign (see {@link CpuSpeed#drift()}); null in older checks
 * @param verdict     equal, unequal or unsteady (see {@link Verdict})
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CoreCheck(String time, String kernel, int repetitions, int rounds, String pinnedWith,
                        List<CpuSpeed> cpus, double capacity, double spread, Double iqr, Double drift, Verdict verdict) {

    /** Two figures closer than this (10%) count as the same. */
    public static final double TOLERANCE = 0.10;

    /**
     * One CPU's figures.
     *
     * @param cpu           the logical CPU number
     * @param millis        the median time of one kernel call over the rounds, in milliseconds
     * @param relativeSpeed the fastest CPU's time divided by this one's: 1.0 for the fastest
     * @param spread        the range of the rounds, (slowest round - fastest round) / fastest round: shown, not judged,
     *                      since one stray round sets it
     * @param iqr           the interquartile range of the rounds over their median; null in older checks
     * @param drift         the change in time per call from the first round to the last along the rounds' Theil-Sen
     *                      line, over the median; positive when the CPU got slower; null in older checks
     * @param samples       each round's time of one kernel call (the batch time / repetitions), in milliseconds, in round order
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CpuSpeed(int cpu, double millis, double relativeSpeed, double spread, Double iqr, Double drift,
                           List<Double> samples) {
        public CpuSpeed {
            samples = List.copyOf(samples);
        }
    }

    /** The verdict on the machine's cores, from {@link CoreCheck#of}. */
    public enum Verdict {
        /** Every CPU's median within 10% of the fastest, and every CPU steady. */
        @JsonProperty("equal") EQUAL("every CPU within 10% of the fastest, and steady"),
        /** Every CPU steady, but some CPU's median more than 10% slower than the fastest: see the capacity. */
        @JsonProperty("unequal") UNEQUAL("some CPU is more than 10% slower than the fastest"),
        /** Some CPU's interquartile range or drift above 10%: its speed kept moving during the check. */
        @JsonProperty("unsteady") UNSTEADY("some CPU's speed kept moving during the check, the middle half of its"
                + " rounds more than 10% apart or drifting by more than 10%");

        private final String meaning;

        Verdict(String meaning) {
            this.meaning = meaning;
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** What the verdict means, in a few words. */
        public String meaning() {
            return meaning;
        }
    }

    public CoreCheck {
        cpus = List.copyOf(cpus);
    }

    /**
     * The figures and verdict from raw samples.
     *
     * @param cpus    the CPUs measured
     * @param samples {@code samples[i][r]}: CPU {@code cpus[i]}'s time for one kernel call in round {@code r}, in ms
     */
    public static CoreCheck of(String time, String kernel, int repetitions, String pinnedWith, CpuList cpus, double[][] samples) {
        if (samples.length != cpus.size() || samples.length == 0) {
            throw new IllegalArgumentException("need one row of samples per CPU: " + cpus.size() + " CPUs, " + samples.length + " rows");
        }
        int rounds = samples[0].length;
        double[] medians = new double[samples.length];
        for (int i = 0; i < samples.length; i++) {
            if (samples[i].length != rounds || rounds == 0) {
                throw new IllegalArgumentException("every CPU needs the same number (> 0) of rounds");
            }
            for (double s : samples[i]) {
                if (!(s > 0) || !Double.isFinite(s)) {
                    throw new IllegalArgumentException("sample times must be positive, got " + s);
                }
            }
            medians[i] = Rounds.median(samples[i]);
        }
        double fastest = Arrays.stream(medians).min().orElseThrow();
        List<CpuSpeed> speeds = new ArrayList<>();
        double capacity = 0;
        for (int i = 0; i < samples.length; i++) {
            double min = Arrays.stream(samples[i]).min().orElseThrow();
            double max = Arrays.stream(samples[i]).max().orElseThrow();
            double iqr = Rounds.iqr(samples[i]);
            double drift = Rounds.drift(samples[i]);
            double relative = fastest / medians[i];
            capacity += relative;
            speeds.add(new CpuSpeed(cpus.cpus().get(i), medians[i], relative, (max - min) / min, iqr, drift,
                    Arrays.stream(samples[i]).boxed().toList()));
        }
        double worstSpread = speeds.stream().mapToDouble(CpuSpeed::spread).max().orElseThrow();
        double worstIqr = speeds.stream().mapToDouble(CpuSpeed::iqr).max().orElseThrow();
        double worstDrift = speeds.stream().map(CpuSpeed::drift).max(Comparator.comparingDouble(Math::abs)).orElseThrow();
        double slowest = Arrays.stream(medians).max().orElseThrow();
        // Unsteady first: while some CPU's speed moves, a difference between medians may be when, not where.
        Verdict verdict = worstIqr > TOLERANCE || Math.abs(worstDrift) > TOLERANCE ? Verdict.UNSTEADY
                : slowest > fastest * (1 + TOLERANCE) ? Verdict.UNEQUAL : Verdict.EQUAL;
        return new CoreCheck(time, kernel, repetitions, rounds, pinnedWith, speeds, capacity, worstSpread, worstIqr,
                worstDrift, verdict);
    }

    /**
     * One line for the user, e.g. {@code unequal: capacity 1.57 of 2 CPUs (CPU 0 1.00, CPU 1 0.57), rounds: IQR 3%,
     * drift +1%, range 12%}; an older check without those figures ends {@code rounds within 12%}.
     */
    public String summary() {
        String line = verdict.label() + ": capacity " + format(capacity) + " of " + cpus.size() + " CPU"
                + (cpus.size() == 1 ? "" : "s") + " (" + speeds() + "), " + roundFigures();
        return pinnedWith == null ? line + ", unpinned" : line;
    }

    /** The largest figures of any CPU's rounds, e.g. {@code rounds: IQR 3%, drift +1%, range 12%}. */
    String roundFigures() {
        if (iqr == null || drift == null) {
            return "rounds within " + percent(spread);
        }
        return "rounds: IQR " + percent(iqr) + ", drift " + signedPercent(drift) + ", range " + percent(spread);
    }

    /** The relative speeds, e.g. {@code CPU 0 1.00, CPU 1 0.57}; with many CPUs only the fastest and the slowest. */
    private String speeds() {
        if (cpus.size() <= 8) {
            return cpus.stream().map(c -> "CPU " + c.cpu() + " " + format(c.relativeSpeed())).collect(Collectors.joining(", "));
        }
        CpuSpeed slowest = cpus.stream().min(Comparator.comparingDouble(CpuSpeed::relativeSpeed)).orElseThrow();
        CpuSpeed fastest = cpus.stream().max(Comparator.comparingDouble(CpuSpeed::relativeSpeed)).orElseThrow();
        return "fastest CPU " + fastest.cpu() + ", slowest CPU " + slowest.cpu() + " at " + format(slowest.relativeSpeed());
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", fraction * 100);
    }

    static String signedPercent(double fraction) {
        // Rounded first, so that a drift of -0.2% prints +0% rather than -0%.
        long whole = Math.round(fraction * 100);
        return (whole >= 0 ? "+" : "") + whole + "%";
    }
}
