package dev.concurrencybench.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What the report knows about the machine and JVM of one run. Every field may be null when the
 * run had no environment sidecar; {@code jdk} can still come from JMH's own JSON.
 *
 * @param fromSidecar whether an environment sidecar was found beside the results file
 */
public record Environment(boolean fromSidecar, String cpuModel, Integer cores, String memory, String os,
                          String jdk, String jvmFlags, String gitCommit, String time, String profile) {

    public static final Environment NONE = new Environment(false, null, null, null, null, null, null, null, null, null);

    public OptionalInt logicalCores() {
        return cores == null || cores <= 0 ? OptionalInt.empty() : OptionalInt.of(cores);
    }

    /** Every known field, in reading order, for the report's environment table. */
    public Map<String, String> display() {
        Map<String, String> m = new LinkedHashMap<>();
        put(m, "time", time);
        put(m, "CPU", cpuModel);
        put(m, "logical cores", cores == null ? null : cores.toString());
        put(m, "memory", memory);
        put(m, "OS", os);
        put(m, "JDK", jdk);
        put(m, "JVM flags", jvmFlags);
        put(m, "git commit", gitCommit);
        put(m, "profile", profile);
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
    public String changesSince(Environment before) {
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
