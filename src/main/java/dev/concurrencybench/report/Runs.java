package dev.concurrencybench.report;

import dev.concurrencybench.results.BenchmarkResult;
import dev.concurrencybench.results.Environment;
import dev.concurrencybench.results.ResultsFile;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What the report says about the machine and JVM of one results file. The sidecar's facts are
 * absent when the run had none; the JDK and the forks' flags come from JMH's own JSON, so they are
 * known for every run and comparable across runs.
 */
final class Runs {

    private Runs() {
    }

    /** The logical cores the sidecar recorded; empty without a sidecar or a usable count. */
    static OptionalInt logicalCores(ResultsFile run) {
        return run.environment().filter(e -> e.logicalCores() > 0)
                .map(e -> OptionalInt.of(e.logicalCores())).orElse(OptionalInt.empty());
    }

    /** The forks' JDK as JMH recorded it, e.g. {@code 21.0.5 (OpenJDK 64-Bit Server VM)}; null when unknown. */
    static String jdk(ResultsFile run) {
        BenchmarkResult.VmInfo vm = run.results().get(0).vm();
        return vm.jdkVersion().isBlank() ? null
                : vm.jdkVersion() + (vm.vmName().isBlank() ? "" : " (" + vm.vmName() + ")");
    }

    /** When the run started, from its sidecar; null without one. */
    static String time(ResultsFile run) {
        return run.environment().map(Environment::time).orElse(null);
    }

    /** Every known fact, in reading order, for the report's environment table. */
    static Map<String, String> display(ResultsFile run) {
        Environment e = run.environment().orElse(null);
        Map<String, String> m = new LinkedHashMap<>();
        put(m, "time", e == null ? null : e.time());
        put(m, "profile", e == null ? null : e.profile());
        put(m, "CPU", e == null ? null : e.cpuModel());
        put(m, "logical cores", logicalCores(run).isPresent() ? Integer.toString(logicalCores(run).getAsInt()) : null);
        put(m, "memory", e == null ? null : memory(e.memoryBytes()));
        put(m, "OS", os(e));
        put(m, "JDK", jdk(run));
        put(m, "JVM flags (forks)", forkFlags(run));
        if (e != null) {
            String commit = e.gitCommit() == null ? null
                    : e.gitCommit() + (Boolean.TRUE.equals(e.gitDirty()) ? " (with uncommitted changes)" : "");
            put(m, "git commit", commit);
            put(m, "JDK vendor and build", join(e.jdkVendor(), e.jdkVersion()));
            put(m, "JVM flags (launcher)", String.join(" ", e.jvmFlags()));
            put(m, "JMH arguments", String.join(" ", e.jmhArgs()));
        }
        return m;
    }

    /**
     * What changed from {@code before} to {@code run} among the facts that make figures
     * incomparable (CPU, cores, OS, JDK, JVM flags), e.g. {@code JDK 21.0.5 -> 25.0.1}; empty when
     * nothing did. A fact unknown in {@code before} (no sidecar) is not a change.
     */
    static String changesSince(ResultsFile run, ResultsFile before) {
        Map<String, String> now = fingerprint(run);
        Map<String, String> then = fingerprint(before);
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : now.entrySet()) {
            String old = then.get(e.getKey());
            if (old != null && !Objects.equals(old, e.getValue())) {
                if (sb.length() > 0) {
                    sb.append("; ");
                }
                sb.append(e.getKey()).append(' ').append(old).append(" -> ").append(e.getValue());
            }
        }
        return sb.toString();
    }

    private static Map<String, String> fingerprint(ResultsFile run) {
        Environment e = run.environment().orElse(null);
        Map<String, String> m = new LinkedHashMap<>();
        put(m, "CPU", e == null ? null : e.cpuModel());
        put(m, "cores", logicalCores(run).isPresent() ? Integer.toString(logicalCores(run).getAsInt()) : null);
        put(m, "OS", os(e));
        put(m, "JDK", jdk(run));
        put(m, "JVM flags", forkFlags(run));
        return m;
    }

    private static String forkFlags(ResultsFile run) {
        return String.join(" ", run.results().get(0).vm().jvmArgs());
    }

    private static String os(Environment e) {
        if (e == null) {
            return null;
        }
        return join(e.os(), e.osVersion()) + (e.arch() == null ? "" : " (" + e.arch() + ")");
    }

    private static String join(String a, String b) {
        return ((a == null ? "" : a) + " " + (b == null ? "" : b)).strip();
    }

    private static String memory(long bytes) {
        return bytes <= 0 ? null : String.format(Locale.ROOT, "%.1f GiB", bytes / (1024.0 * 1024 * 1024));
    }

    private static void put(Map<String, String> m, String key, String value) {
        if (value != null && !value.isBlank()) {
            m.put(key, value.strip());
        }
    }
}
