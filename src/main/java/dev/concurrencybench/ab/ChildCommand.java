package dev.concurrencybench.ab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of one JMH call, the same for both sides but the jar:
 * {@code java [host flags] -jar JAR <row> -f 1 <settings> -foe true -rf json -rff FILE
 * -jvmArgs "<fork flags>" [-jvmArgsAppend/-jvmArgsPrepend as given]}.
 *
 * <p>Each side is run as a plain JMH jar with a JDK 21+ {@code java} directly (the one running
 * {@code ab}), so a base built from an older commit works as long as its JMH command line does; no
 * Java 17 re-launch is involved. {@code -jvmArgs} is always given, so the forks get exactly
 * {@code ab}'s flags and the user's, never the host's. Pinning ({@code ab --cpus}) is no part of
 * the command: {@link JarForkRunner} starts it from a pinned thread, which works for any jar.
 *
 * @param java        the {@code java} launcher
 * @param hostFlags   flags of the JMH host JVM (the one {@code -jar} starts)
 * @param forkFlags   {@code ab}'s flags for the forked JVM, then the user's {@code -jvmArgs}
 * @param passThrough the user's {@code -jvmArgsAppend}/{@code -jvmArgsPrepend}, unchanged
 */
public record ChildCommand(Path java, List<String> hostFlags, List<String> forkFlags,
                           List<String> passThrough) {

    /** Turns off the launcher's core check in the JMH host (issue 12); older jars ignore the property. */
    static final String NO_CORE_CHECK = "-Dconcurrencybench.coreCheck=false";

    public ChildCommand {
        hostFlags = List.copyOf(hostFlags);
        forkFlags = List.copyOf(forkFlags);
        passThrough = List.copyOf(passThrough);
        if (forkFlags.isEmpty()) {
            throw new IllegalArgumentException("fork flags must not be empty (an empty -jvmArgs would pass the host's)");
        }
    }

    /**
     * The call for one fork.
     *
     * @param sideArgs JMH arguments for this side only (see {@link #profilerArgs}); usually none
     */
    public List<String> build(Path jar, List<String> sideArgs, Row row, ForkSettings settings, Path results) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.addAll(hostFlags);
        cmd.add("-jar");
        cmd.add(jar.toString());
        cmd.addAll(row.selectArgs());
        cmd.addAll(List.of("-f", "1"));
        cmd.addAll(settings.args());
        cmd.addAll(List.of("-foe", "true", "-rf", "json", "-rff", results.toString()));
        cmd.addAll(List.of("-jvmArgs", String.join(" ", forkFlags)));
        cmd.addAll(passThrough);
        cmd.addAll(sideArgs);
        return cmd;
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
