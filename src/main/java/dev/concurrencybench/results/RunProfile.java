package dev.concurrencybench.results;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How much measuring a run does, chosen with {@code --profile NAME}. A profile is a set of JMH
 * flags added in front of the user's own, so it applies to every benchmark, present and future,
 * and any flag the user gives wins over the profile's, except {@code -prof}, which JMH takes many
 * times: the profile's profiler runs beside the user's ({@code -prof cpu:off} switches it off).
 * Every profile runs {@code -prof cpu} (bench/UsageProfiler), so every results file says what
 * each model used besides time: CPU, cores, OS threads, memory.
 */
public enum RunProfile {
    /**
     * For CI: three forks (the fewest from which {@code compare} gives a verdict), one warm-up and
     * one measured iteration each, short iterations for time-based modes. Forks dominate the cost
     * (a JVM start each, ~0.7 s, times 3 x 64 rows), so a second measured call would add about a
     * quarter to the run for little power: the fork-to-fork noise is what limits a verdict.
     */
    QUICK(List.of("-f", "3", "-wi", "1", "-i", "1", "-w", "200ms", "-r", "200ms", "-prof", "cpu")),
    /** The settings annotated on each benchmark class, unchanged, plus CPU, threads and memory. */
    FULL(List.of("-prof", "cpu"));

    private final List<String> flags;

    RunProfile(List<String> flags) {
        this.flags = flags;
    }

    /** The JMH flags this profile adds, as name-value pairs. */
    public List<String> flags() {
        return flags;
    }

    /** The lower-case name used on the command line, in file names and in the sidecar. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RunProfile parse(String name) {
        for (RunProfile p : values()) {
            if (p.label().equals(name.strip().toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown profile '" + name + "'; valid: "
                + Arrays.stream(values()).map(RunProfile::label).collect(Collectors.joining(", ")));
    }
}
