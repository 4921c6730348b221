package dev.concurrencybench.report;

import dev.concurrencybench.machine.CoreCheck;
import dev.concurrencybench.machine.CoreCheck.CpuSpeed;
import dev.concurrencybench.results.Environment;
import dev.concurrencybench.results.ResultsFile;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How fast each CPU of the machine that ran a results file was, relative to the fastest, for the
 * CPU ideal: from the core checks in the run's sidecar (docs/machine.md), else all equal.
 *
 * <p><b>Which check.</b> A run has a check taken just before JMH started and one just after it
 * ended; every row was measured at some unknown moment between the two. So neither check is closer
 * to a row than the other, and the speeds used are each CPU's mean relative speed over both checks,
 * scaled again so that the fastest is 1. When the two disagree, the report's banner says so
 * ({@link Runs#coreBanner}), so the reader knows the ideal is only as good as the machine was
 * steady. With one check, that one is used.
 *
 * <p>The checks are not used, and equal CPUs are assumed with a note, when the run's sidecar has
 * none, when they cover another number of CPUs than the run had (its logical cores), or when a
 * speed in them is not a positive number (a sidecar edited by hand).
 */
final class CoreSpeeds {

    private final Map<Integer, Double> byCpu;
    private final double[] fastestFirst;
    private final String basis;
    private final boolean measured;

    private CoreSpeeds(Map<Integer, Double> byCpu, String basis, boolean measured) {
        this.byCpu = byCpu;
        this.fastestFirst = byCpu.values().stream().mapToDouble(Double::doubleValue).map(v -> -v).sorted().map(v -> -v).toArray();
        this.basis = basis;
        this.measured = measured;
    }

    /** {@code cpus} CPUs of equal speed; {@code why} says why they are assumed equal, as a sentence. */
    static CoreSpeeds equal(int cpus, String why) {
        if (cpus <= 0) {
            throw new IllegalArgumentException("cpus must be > 0, got " + cpus);
        }
        Map<Integer, Double> speeds = new LinkedHashMap<>();
        for (int i = 0; i < cpus; i++) {
            speeds.put(i, 1.0);
        }
        return new CoreSpeeds(speeds, why, false);
    }

    /** The speeds of {@code run}'s CPUs, of which it had {@code cpus} (its logical cores as the report takes them). */
    static CoreSpeeds of(ResultsFile run, int cpus) {
        Environment env = run.environment().orElse(null);
        if (env == null) {
            return equal(cpus, "Equal cores assumed: this run has no sidecar, so no core check.");
        }
        CoreCheck before = env.coreCheckBefore();
        CoreCheck after = env.coreCheckAfter();
        if (before == null && after == null) {
            return equal(cpus, "Equal cores assumed: this run's sidecar has no core check (a run older than the check,"
                    + " or one with -Dconcurrencybench.coreCheck=false).");
        }
        for (CoreCheck c : new CoreCheck[] {before, after}) {
            if (c != null && c.cpus().size() != cpus) {
                return equal(cpus, "Equal cores assumed: the core check covers " + c.cpus().size() + " CPUs, but the run had "
                        + cpus + ", so its speeds cannot be matched to the run's.");
            }
            if (c != null && c.cpus().stream().anyMatch(s -> !(s.relativeSpeed() > 0) || !Double.isFinite(s.relativeSpeed()))) {
                return equal(cpus, "Equal cores assumed: a core check in the sidecar has a relative speed that is not a"
                        + " positive number.");
            }
        }
        if (before != null && after != null && cpuNumbers(before).equals(cpuNumbers(after))) {
            Map<Integer, Double> mean = new LinkedHashMap<>();
            Map<Integer, Double> afterByCpu = speeds(after);
            speeds(before).forEach((cpu, speed) -> mean.put(cpu, (speed + afterByCpu.get(cpu)) / 2));
            return new CoreSpeeds(scaled(mean), "the mean of the core checks before (" + brief(before) + ") and after ("
                    + brief(after) + ") the run", true);
        }
        CoreCheck one = before != null ? before : after;
        String which = before != null ? "before" : "after";
        String why = before != null && after != null ? ", as the check after covers other CPUs" : ", the only one in the sidecar";
        return new CoreSpeeds(scaled(speeds(one)), "the core check " + which + " the run (" + brief(one) + ")" + why, true);
    }

    private static List<Integer> cpuNumbers(CoreCheck c) {
        return c.cpus().stream().map(CpuSpeed::cpu).toList();
    }

    private static Map<Integer, Double> speeds(CoreCheck c) {
        Map<Integer, Double> m = new LinkedHashMap<>();
        c.cpus().forEach(s -> m.put(s.cpu(), s.relativeSpeed()));
        return m;
    }

    /** The same speeds, scaled so that the fastest is 1. */
    private static Map<Integer, Double> scaled(Map<Integer, Double> speeds) {
        double fastest = speeds.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
        Map<Integer, Double> m = new LinkedHashMap<>();
        speeds.forEach((cpu, v) -> m.put(cpu, fastest > 0 ? v / fastest : 1));
        return m;
    }

    /** e.g. {@code unequal, capacity 1.57}. */
    static String brief(CoreCheck c) {
        return c.verdict().label() + ", capacity " + fmt(c.capacity());
    }

    /** Whether the speeds come from a core check rather than an assumption. */
    boolean measured() {
        return measured;
    }

    int cpus() {
        return fastestFirst.length;
    }

    /** What {@code k} CPUs are worth in fastest-CPU equivalents: the sum of the {@code k} fastest speeds. */
    double capacity(int k) {
        int n = Math.max(1, Math.min(k, fastestFirst.length));
        return Arrays.stream(fastestFirst, 0, n).sum();
    }

    /** What every CPU together is worth in fastest-CPU equivalents. */
    double capacity() {
        return capacity(fastestFirst.length);
    }

    /**
     * Which CPUs and speeds the ideal uses, as a sentence: e.g. {@code Capacity 1.79 fastest-CPU
     * equivalents on 2 CPUs (CPU 0 1.00, CPU 1 0.79): the mean of ...}; for assumed speeds, why.
     */
    String describe() {
        if (!measured) {
            return basis;
        }
        String speeds = byCpu.entrySet().stream().map(e -> "CPU " + e.getKey() + " " + fmt(e.getValue()))
                .collect(Collectors.joining(", "));
        return "Capacity " + fmt(capacity()) + " fastest-CPU equivalents on " + cpus() + " CPU" + (cpus() == 1 ? "" : "s")
                + " (" + speeds + "): " + basis + ".";
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
