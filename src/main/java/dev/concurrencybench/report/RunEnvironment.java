package dev.concurrencybench.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What the report knows about the machine and JVM of one run. The sidecar's fields are null when
 * the run had none; {@code jdk} and {@code jvmFlags} come from JMH's own JSON (the forked JVM's
 * version and arguments), so they are known for every run and comparable across runs.
 *
 * @param fromSidecar whether an environment sidecar was found beside the results file
 * @param jdk         the forks' JDK as JMH recorded it, e.g. {@code 21.0.5 (OpenJDK 64-Bit Server VM)}
 * @param jvmFlags    the forks' JVM arguments as JMH recorded them
 * @param extra       further facts for display only, e.g. the JDK vendor or the JMH command line
 */
public record RunEnvironment(boolean fromSidecar, String cpuModel, Integer cores, String memory, String os,
                             String jdk, String jvmFlags, String gitCommit, String time, String profile,
                             Map<String, String> extra) {

    public static final RunEnvironment NONE =
            new RunEnvironment(false, null, null, null, null, null, null, null, null, null, Map.of());

    public RunEnvironment {
        extra = extra == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }

    public OptionalInt logicalCores() {
        return cores == null || cores <= 0 ? OptionalInt.empty() : OptionalInt.of(cores);
    }

    /** Every known field, in reading order, for the report's environment table. */
    public Map<String, String> display() {
        Map<String, String> m = new LinkedHashMap<>();
        put(m, "time", time);
        put(m, "profile", profile);
        put(m, "CPU", cpuModel);
        put(m, "logical cores", cores == null ? null : cores.toString());
        put(m, "memory", memory);
        put(m, "OS", os);
        put(m, "JDK", jdk);
        put(m, "JVM flags (forks)", jvmFlags);
        put(m, "git commit", gitCommit);
        extra.forEach((k, v) -> put(m, k, v));
        return m;
    }

    /**
     * The fields whose change makes figures incomparable (a trend chart marks them): CPU, cores,
     * OS, JDK and JVM flags. Unknown fields are left out, so a missing sidecar is not a change.
     */
    public Map<String, String> fingerprint() {
        Map<String, String> m = new LinkedHashMap<>();
        put(m, "CPU", cpuModel);
        put(m, "cores", cores == null ? null : cores.toString());
        put(m, "OS", os);
        put(m, "JDK", jdk);
        put(m, "JVM flags", jvmFlags);
        return m;
    }

    /** What changed from {@code before} to this, e.g. {@code JDK 21.0.5 -> 25.0.1}; empty when nothing comparable did. */
    public String changesSince(RunEnvironment before) {
        Map<String, String> now = fingerprint();
        Map<String, String> then = before.fingerprint();
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

    private static void put(Map<String, String> m, String key, String value) {
        if (value != null && !value.isBlank()) {
            m.put(key, value.strip());
        }
    }
}
