package dev.concurrencybench.report;

import dev.concurrencybench.machine.CoreCheck;
import dev.concurrencybench.results.AbSide;
import dev.concurrencybench.results.BenchmarkResult;
import dev.concurrencybench.results.Environment;
import dev.concurrencybench.results.ResultsFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

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

    /**
     * The forks' JDK as JMH recorded it, e.g. {@code 21.0.5 (OpenJDK 64-Bit Server VM)}; null when unknown,
     * and for a run of the notebook's Python program, which has {@link #python} instead.
     */
    static String jdk(ResultsFile run) {
        BenchmarkResult.VmInfo vm = run.results().get(0).vm();
        return vm.jdkVersion().isBlank() || isPython(run) ? null
                : vm.jdkVersion() + (vm.vmName().isBlank() ? "" : " (" + vm.vmName() + ")");
    }

    /** Whether the file holds the notebook's Python rows, whose "JVM" fields name a Python interpreter. */
    static boolean isPython(ResultsFile run) {
        return Languages.isPython(run.results().get(0));
    }

    /**
     * The interpreters of a Python run, as its rows record them, e.g. {@code CPython 3.11.7 (GIL on);
     * CPython 3.14.0 (free-threaded build) (GIL off)}; null for a JMH run.
     */
    static String python(ResultsFile run) {
        if (!isPython(run)) {
            return null;
        }
        return run.results().stream().map(r -> r.vm().vmName() + " " + r.vm().jdkVersion() + " (GIL " + r.param(Languages.GIL) + ")")
                .distinct().collect(Collectors.joining("; "));
    }

    /**
     * How charts name a results file: its file name, or for one side of an {@code ab} run whose other
     * side is in {@code runs} too and ran another java or other flags, what it ran, e.g. {@code JDK
     * 21.0.5+11-LTS} or {@code flags -XX:+UseSerialGC} ({@link AbSide#label}).
     */
    static String label(ResultsFile run, List<ResultsFile> runs) {
        AbSide side = abSide(run);
        if (side == null) {
            return run.name();
        }
        Path folder = run.path().toAbsolutePath().getParent();
        return runs.stream().filter(r -> r != run && Objects.equals(folder, r.path().toAbsolutePath().getParent()))
                .map(Runs::abSide).filter(o -> o != null && !o.role().equals(side.role())).findFirst()
                .map(side::label).filter(l -> !l.equals(side.role())).orElse(run.name());
    }

    private static AbSide abSide(ResultsFile run) {
        return run.environment().map(Environment::abSide).orElse(null);
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
        put(m, "pinned to CPUs", e == null ? null : e.cpus());
        put(m, "core check before", e == null || e.coreCheckBefore() == null ? null : e.coreCheckBefore().summary());
        put(m, "core check after", e == null || e.coreCheckAfter() == null ? null : e.coreCheckAfter().summary());
        put(m, "memory", e == null ? null : memory(e.memoryBytes()));
        put(m, "OS", os(e));
        put(m, "JDK", jdk(run));
        put(m, "Python", python(run));
        put(m, "JVM flags (forks)", forkFlags(run));
        if (e != null) {
            String commit = e.gitCommit() == null ? null
                    : e.gitCommit() + (Boolean.TRUE.equals(e.gitDirty()) ? " (with uncommitted changes)" : "");
            put(m, "git commit", commit);
            if (e.python() != null) {
                // The JVM that launched the Python program measured nothing, so it is not shown.
                put(m, "Python interpreters", e.python().stream().map(p -> p.summary() + ", " + p.startMethod()
                        + " start, at " + p.executable()).collect(Collectors.joining("; ")));
                put(m, "Python program arguments", String.join(" ", e.jmhArgs()));
                return m;
            }
            put(m, "JDK vendor and build", join(e.jdkVendor(), e.jdkVersion()));
            if (e.abSide() != null) {
                put(m, "ab side", e.abSide().role() + ": jar " + e.abSide().jar());
                put(m, "ab side's java", e.abSide().javaSummary());
                put(m, "ab side's fork flags", e.abSide().flags());
            }
            put(m, "JVM flags (launcher)", String.join(" ", e.jvmFlags()));
            put(m, "JMH arguments", String.join(" ", e.jmhArgs()));
        }
        return m;
    }

    /**
     * A warning for the top of the report when {@code run}'s core checks say its cores were not equal
     * and steady: a verdict other than {@code equal}, or a check before and a check after that
     * disagree (other verdicts, capacities or speeds of the fastest CPU more than
     * {@link CoreCheck#TOLERANCE} apart). Empty when the checks found nothing, or there are none.
     */
    static Optional<String> coreBanner(ResultsFile run) {
        Environment e = run.environment().orElse(null);
        CoreCheck before = e == null ? null : e.coreCheckBefore();
        CoreCheck after = e == null ? null : e.coreCheckAfter();
        List<String> checks = new ArrayList<>();
        boolean notEqual = false;
        for (CoreCheck c : new CoreCheck[] {before, after}) {
            if (c != null) {
                checks.add("the check " + (c == before ? "before" : "after") + " the run says " + c.summary());
                notEqual |= c.verdict() != CoreCheck.Verdict.EQUAL;
            }
        }
        String disagreement = before == null || after == null ? "" : disagreement(before, after);
        if (!notEqual && disagreement.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(run.name() + " ran on cores that were not equal and steady: " + String.join("; ", checks) + "."
                + (disagreement.isEmpty() ? "" : " The two checks disagree (" + disagreement + "): the machine changed during"
                        + " the run.")
                + " Single-threaded rows depend on which CPU ran them and when, and the CPU ideals are only as good as"
                + " these speeds (docs/machine.md explains the verdicts; --cpus pins a run).");
    }

    /** How two checks of one run differ, e.g. {@code verdict equal -> unequal}; empty when they agree. */
    private static String disagreement(CoreCheck before, CoreCheck after) {
        List<String> diffs = new ArrayList<>();
        if (before.verdict() != after.verdict()) {
            diffs.add("verdict " + before.verdict().label() + " -> " + after.verdict().label());
        }
        if (apart(before.capacity(), after.capacity())) {
            diffs.add(String.format(Locale.ROOT, "capacity %.2f -> %.2f", before.capacity(), after.capacity()));
        }
        double fastBefore = fastestMillis(before);
        double fastAfter = fastestMillis(after);
        if (Objects.equals(before.kernel(), after.kernel()) && apart(fastBefore, fastAfter)) {
            diffs.add(String.format(Locale.ROOT, "the fastest CPU took %.2f -> %.2f ms per %s", fastBefore, fastAfter,
                    before.kernel()));
        }
        return String.join(", ", diffs);
    }

    private static double fastestMillis(CoreCheck c) {
        return c.cpus().stream().mapToDouble(CoreCheck.CpuSpeed::millis).min().orElse(Double.NaN);
    }

    /** Whether two positive figures are more than {@link CoreCheck#TOLERANCE} apart, relative to the smaller. */
    private static boolean apart(double a, double b) {
        return a > 0 && b > 0 && Math.max(a, b) > Math.min(a, b) * (1 + CoreCheck.TOLERANCE);
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
        put(m, "Python", python(run));
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
