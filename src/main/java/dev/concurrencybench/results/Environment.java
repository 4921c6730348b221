package dev.concurrencybench.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.concurrencybench.machine.CoreCheck;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What JMH's JSON does not record about the machine and run that produced it: the content of the
 * environment sidecar ({@code <results>.env.json}, see {@link Sidecar}).
 *
 * @param format        always {@link #FORMAT}; lets a reader refuse a future incompatible layout
 * @param resultsFile   the results file this describes (its file name, not a path)
 * @param time          when the run started, ISO-8601 UTC, e.g. {@code 2026-11-27T00:15:00Z}
 * @param profile       {@code quick} or {@code full}
 * @param cpuModel      e.g. {@code AMD EPYC 7B13} (Linux: {@code model name} in /proc/cpuinfo)
 * @param logicalCores  what the JVM sees as available processors
 * @param memoryBytes   total physical memory
 * @param os            e.g. {@code Linux}
 * @param osVersion     the kernel release on Linux, e.g. {@code 6.1.0-26-amd64}
 * @param arch          e.g. {@code amd64}
 * @param jdkVendor     e.g. {@code Eclipse Adoptium}
 * @param jdkVersion    the full runtime version, e.g. {@code 21.0.5+11-LTS}
 * @param jvmFlags      the flags of the JVM that launched JMH (each fork's own flags are in the JMH JSON)
 * @param jmhArgs       the command line given to JMH, after the profile's flags were added
 * @param gitCommit     the commit checked out where the run started, or null outside a git work tree
 * @param gitDirty      whether that work tree had uncommitted changes, or null outside one
 * @param cpus          the run's {@code --cpus} list, e.g. {@code 0-1,3}; null when the run was not pinned
 * @param coreCheckBefore the core check taken just before JMH started (docs/machine.md); null when skipped
 *                      ({@code -Dconcurrencybench.coreCheck=false}) and in sidecars older than the check
 * @param coreCheckAfter  the same, just after JMH ended
 * @param python        the interpreters that ran a Python results file (docs/notebook.md), in the order they ran;
 *                      null for a JMH run, and then not written
 * @param abSide        the side of an {@code ab} run this file holds: its jar, java and flags (docs/jdk-and-flags.md);
 *                      null for any other run, and then not written
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Environment(String format, String resultsFile, String time, String profile, String cpuModel,
                          int logicalCores, long memoryBytes, String os, String osVersion, String arch,
                          String jdkVendor, String jdkVersion, List<String> jvmFlags, List<String> jmhArgs,
                          String gitCommit, Boolean gitDirty, String cpus, CoreCheck coreCheckBefore,
                          CoreCheck coreCheckAfter, @JsonInclude(JsonInclude.Include.NON_NULL) List<PythonInterpreter> python,
                          @JsonInclude(JsonInclude.Include.NON_NULL) AbSide abSide) {

    /** The sidecar format's name and version. */
    public static final String FORMAT = "concurrency-bench-env/1";

    public Environment {
        jvmFlags = jvmFlags == null ? List.of() : List.copyOf(jvmFlags);
        jmhArgs = jmhArgs == null ? List.of() : List.copyOf(jmhArgs);
        python = python == null ? null : List.copyOf(python);
    }

    /** An environment without pinning or core checks (the fields a sidecar had before them). */
    public Environment(String format, String resultsFile, String time, String profile, String cpuModel,
                       int logicalCores, long memoryBytes, String os, String osVersion, String arch,
                       String jdkVendor, String jdkVersion, List<String> jvmFlags, List<String> jmhArgs,
                       String gitCommit, Boolean gitDirty) {
        this(format, resultsFile, time, profile, cpuModel, logicalCores, memoryBytes, os, osVersion, arch, jdkVendor,
                jdkVersion, jvmFlags, jmhArgs, gitCommit, gitDirty, null, null, null, null, null);
    }

    /** This environment with the run's {@code --cpus} list and its core checks. */
    public Environment withMachine(String cpus, CoreCheck before, CoreCheck after) {
        return new Environment(format, resultsFile, time, profile, cpuModel, logicalCores, memoryBytes, os, osVersion,
                arch, jdkVendor, jdkVersion, jvmFlags, jmhArgs, gitCommit, gitDirty, cpus, before, after, python, abSide);
    }

    /** This environment as the sidecar of a Python results file: the interpreters that ran it. */
    public Environment withPython(List<PythonInterpreter> interpreters) {
        return new Environment(format, resultsFile, time, profile, cpuModel, logicalCores, memoryBytes, os, osVersion,
                arch, jdkVendor, jdkVersion, jvmFlags, jmhArgs, gitCommit, gitDirty, cpus, coreCheckBefore,
                coreCheckAfter, interpreters, abSide);
    }

    /**
     * This environment as the sidecar of one side of an {@code ab} run: the side, and its java's
     * vendor and build as the JDK, since that java ran the side's forks, not the one running {@code ab}.
     */
    public Environment withAbSide(AbSide side) {
        return new Environment(format, resultsFile, time, profile, cpuModel, logicalCores, memoryBytes, os, osVersion,
                arch, side.javaVendor(), side.javaBuild(), jvmFlags, jmhArgs, gitCommit, gitDirty, cpus, coreCheckBefore,
                coreCheckAfter, python, side);
    }

    /**
     * The differences that make two runs' numbers incomparable: CPU model, logical cores, JDK, the
     * launching JVM's flags and, between the two sides of an {@code ab} run, the flags each side added
     * to its forks. Each entry is one line naming the field and both values.
     */
    public List<String> differencesFrom(Environment other) {
        List<String> diffs = new ArrayList<>();
        differ(diffs, "CPU model", cpuModel, other.cpuModel);
        differ(diffs, "logical cores", logicalCores, other.logicalCores);
        differ(diffs, "JDK vendor", jdkVendor, other.jdkVendor);
        differ(diffs, "JDK version", jdkVersion, other.jdkVersion);
        differ(diffs, "JVM flags", String.join(" ", jvmFlags), String.join(" ", other.jvmFlags));
        if (abSide != null && other.abSide != null) {
            differ(diffs, "flags of the ab side's forks", abSide.flags(), other.abSide.flags());
        }
        return diffs;
    }

    /** The verdicts of the core checks this run has (none, one or two). */
    public Set<CoreCheck.Verdict> coreCheckVerdicts() {
        Set<CoreCheck.Verdict> out = EnumSet.noneOf(CoreCheck.Verdict.class);
        for (CoreCheck c : new CoreCheck[] {coreCheckBefore, coreCheckAfter}) {
            if (c != null) {
                out.add(c.verdict());
            }
        }
        return out;
    }

    /**
     * The core checks' verdicts in a few words, e.g. {@code equal before and after}, {@code equal
     * before, unsteady after}, {@code unequal before (none after)}; null when the run has neither.
     */
    public String coreChecks() {
        if (coreCheckBefore == null && coreCheckAfter == null) {
            return null;
        }
        String b = coreCheckBefore == null ? "none" : coreCheckBefore.verdict().label();
        String a = coreCheckAfter == null ? "none" : coreCheckAfter.verdict().label();
        return b.equals(a) ? b + " before and after" : b + " before, " + a + " after";
    }

    private static void differ(List<String> out, String what, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            out.add(what + ": '" + a + "' vs '" + b + "'");
        }
    }
}
