package dev.concurrencybench.ab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildCommandTest {

    /** Where a fork's results would go; nothing is written there. */
    @TempDir
    Path tmp;

    @Test
    void oneForkOfOneRowWithAbsFlags() {
        ChildCommand c = new ChildCommand(Path.of("/jdk/bin/java"),
                List.of("-Dconcurrencybench.coreCheck=false"), List.of("-Dconcurrencybench.coreCheck=false", "-Xmx1g"),
                List.of("-jvmArgsAppend", "-Dz=1"));
        List<String> cmd = c.build(Path.of("/b/benchmarks.jar"), List.of(), AbFixtures.ss("m"), new ForkSettings(2, 3, null, null),
                tmp.resolve("r1.json"));
        assertEquals(List.of("/jdk/bin/java", "-Dconcurrencybench.coreCheck=false", "-jar",
                "/b/benchmarks.jar", "^\\Qdev.example.Bench.m\\E$", "-bm", "ss", "-f", "1", "-wi", "2", "-i", "3", "-foe", "true",
                "-rf", "json", "-rff", tmp.resolve("r1.json").toString(), "-jvmArgs", "-Dconcurrencybench.coreCheck=false -Xmx1g",
                "-jvmArgsAppend", "-Dz=1"), cmd);
    }

    @Test
    void bothSidesGetTheSameFlagsAndTheArchivesAreRelative() {
        ChildCommand c = AbCommand.command(JmhSelection.parse(List.of("-jvmArgs", "-Xss1m")), true);
        assertTrue(c.hostFlags().contains(ChildCommand.NO_CORE_CHECK));
        assertTrue(c.hostFlags().contains("-XX:SharedArchiveFile=ab-host.jsa"));
        assertTrue(c.hostFlags().contains("-XX:TieredStopAtLevel=1"), "the host only orchestrates");
        assertEquals("-Xss1m", c.forkFlags().get(c.forkFlags().size() - 1), "the user's fork flags come last");
        assertTrue(c.forkFlags().contains("-XX:SharedArchiveFile=ab-fork.jsa"));
        assertTrue(c.forkFlags().stream().noneMatch(f -> f.contains("TieredStopAtLevel")), "the measured JVM is left alone");
        ChildCommand plain = AbCommand.command(JmhSelection.parse(List.of()), false);
        assertEquals(List.of(ChildCommand.NO_CORE_CHECK), plain.forkFlags());
        assertTrue(plain.java().endsWith(Path.of("bin", "java")));
    }

    @Test
    void theProfilerRunsOnBothSidesOrOnNeither() {
        assertEquals(List.of(), ChildCommand.profilerArgs(true, true), "both jars have it: both forks pay for it alike");
        assertEquals(List.of(), ChildCommand.profilerArgs(false, false));
        assertEquals(List.of(), ChildCommand.profilerArgs(false, true), "a jar without it cannot be told anything");
        assertEquals(List.of("-prof", "cpu:off"), ChildCommand.profilerArgs(true, false), "the side with it turns it off");
        ChildCommand c = AbCommand.command(JmhSelection.parse(List.of()), false);
        List<String> cmd = c.build(Path.of("/b/benchmarks.jar"), ChildCommand.profilerArgs(true, false), AbFixtures.ss("m"),
                new ForkSettings(2, 3, null, null), tmp.resolve("r1.json"));
        assertEquals(List.of("-prof", "cpu:off"), cmd.subList(cmd.size() - 2, cmd.size()),
                "last, so that it overrides the run profile's -prof cpu");
    }
}
