package dev.concurrencybench.ab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of one JMH call, the same for both sides but the side's jar, java and flags:
 * {@code <side's java> [host flags] -jar JAR <row> -f 1 <settings> -foe true -rf json -rff FILE
 * -jvmArgs "<fork flags>" [-jvmArgsAppend "<appended flags> <side's flags>"] [-jvmArgsPrepend as given]}.
 *
 * <p>Each side is run as a plain JMH jar with its own JDK 21+ {@code java} directly (by default the
 * one running {@code ab}), so a base built from an older commit works as long as its JMH command
 * line does; no Java 17 re-launch is involved. JMH forks with the host's java, so the side's java
 * runs its forks too. {@code -jvmArgs} is always given, so the forks get exactly {@code ab}'s flags
 * and the user's, never the host's. The side's own flags come last of all, after the flags the
 * benchmark's {@code @Fork(jvmArgsAppend)} declares (the heap) or the user's {@code -jvmArgsAppend}
 * in their place, so that a side's {@code -Xmx} or GC wins. Pinning ({@code ab --cpus}) is no part
 * of the command: {@link JarForkRunner} starts it from a pinned thread, which works for any jar.
 *
 * @param hostFlags   flags of the JMH host JVM (the one {@code -jar} starts)
 * @param forkFlags   {@code ab}'s flags for the forked JVM, then the user's {@code -jvmArgs}
 * @param jvmArgsAppend the user's {@code -jvmArgsAppend}, in place of the declared ones; null when not given
 * @param passThrough the user's {@code -jvmArgsPrepend}, unchanged
 */
public record ChildCommand(List<String> hostFlags, List<String> forkFlags, List<String> jvmArgsAppend,
                           List<String> passThrough) {

    /** Turns off the launcher's core check in the JMH host (issue 12); older jars ignore the property. */
    static final String NO_CORE_CHECK = "-Dconcurrencybench.coreCheck=false";

    public ChildCommand {
        hostFlags = List.copyOf(hostFlags);
        forkFlags = List.copyOf(forkFlags);
        jvmArgsAppend = jvmArgsAppend == null ? null : List.copyOf(jvmArgsAppend);
        passThrough = List.copyOf(passThrough);
        if (forkFlags.isEmpty()) {
            throw new IllegalArgumentException("fork flags must not be empty (an empty -jvmArgs would pass the host's)");
        }
    }

    /**
     * The command of an {@code ab} run: no core check in the host or the fork; the host, which only
     * orchestrates, on C1 and the serial GC (it starts sooner and takes less CPU from the fork); and
     * an AppCDS archive per jar for host and fork when {@code cds} (relative paths, so the flags read
     * the same on both sides). The fork's JIT and GC are left as the benchmark declares them.
     */
    static ChildCommand of(JmhSelection selection, boolean cds) {
        List<String> host = new ArrayList<>(List.of(NO_CORE_CHECK, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        if (Boolean.getBoolean("jmh.ignoreLock")) {
            host.add("-Djmh.ignoreLock=true");
        }
        List<String> fork = new ArrayList<>(List.of(NO_CORE_CHECK));
        if (cds) {
            host.addAll(cdsFlags("ab-host.jsa"));
            fork.addAll(cdsFlags("ab-fork.jsa"));
        }
        fork.addAll(selection.jvmArgs());
        return new ChildCommand(host, fork, selection.jvmArgsAppend(), selection.passThrough());
    }

    /** A dynamic AppCDS archive made by the first JVM that exits and used by the next ones (JDK 19+). */
    static List<String> cdsFlags(String archive) {
        return List.of("-XX:SharedArchiveFile=" + archive, "-XX:+AutoCreateSharedArchive", "-Xlog:cds=off",
                "-Xlog:cds+dynamic=off");
    }

    /**
     * The call for one fork.
     *
     * @param sideArgs JMH arguments for this side only (see {@link #profilerArgs}); usually none
     */
    public List<String> build(SideSpec side, List<String> sideArgs, Row row, ForkSettings settings, Path results) {
        List<String> cmd = new ArrayList<>();
        cmd.add(side.java().executable().toString());
        cmd.addAll(hostFlags);
        cmd.add("-jar");
        cmd.add(side.jar().toString());
        cmd.addAll(row.selectArgs());
        cmd.addAll(List.of("-f", "1"));
        cmd.addAll(settings.args());
        cmd.addAll(List.of("-foe", "true", "-rf", "json", "-rff", results.toString()));
        cmd.addAll(List.of("-jvmArgs", String.join(" ", forkFlags)));
        List<String> appended = new ArrayList<>(jvmArgsAppend != null ? jvmArgsAppend : side.declaredAppend(row.benchmark()));
        appended.addAll(side.jvmArgs());
        if (!appended.isEmpty()) {
            cmd.addAll(List.of("-jvmArgsAppend", String.join(" ", appended.stream().map(ChildCommand::quoted).toList())));
        }
        cmd.addAll(passThrough);
        cmd.addAll(sideArgs);
        return cmd;
    }

    /** A flag as JMH reads it back from one string: one with a space inside goes in double quotes. */
    static String quoted(String flag) {
        return flag.contains(" ") ? "\"" + flag + "\"" : flag;
    }

    /**
     * The arguments that keep the suite's {@code -prof cpu} symmetric between the sides. Its run
     * profiles add it to every run, so with both jars carrying it both forks pay its small cost
     * alike and the results keep its metrics. A jar built before it existed runs without, and then
     * the other side turns it off ({@code -prof cpu:off}, which overrides the profile's), so that
     * the profiler's cost is never read as a regression.
     *
     * @return side-specific arguments for a side whose jar has the profiler ({@code hasIt}) when the
     *         other side's jar has it or not ({@code otherHasIt})
     */
    static List<String> profilerArgs(boolean hasIt, boolean otherHasIt) {
        return hasIt && !otherHasIt ? List.of("-prof", "cpu:off") : List.of();
    }
}
