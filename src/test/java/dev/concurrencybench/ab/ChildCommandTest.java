package dev.concurrencybench.ab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildCommandTest {

    /** Where a fork's results would go; nothing is written there. */
    @TempDir
    Path tmp;

    /** A side of {@code jar} on the java at {@code /jdk}, whose benchmark {@code m} declares a heap to append. */
    private static SideSpec side(String jar, List<String> flags) {
        return new SideSpec(Side.BASE, Path.of(jar), "0".repeat(64), new JavaRuntime(Path.of("/jdk"), 25, "25", "Vendor", "25+1",
                "VM"), flags, Map.of("dev.example.Bench.m", List.of("-Xms1g", "-Xmx1g")));
    }

    @Test
    void oneForkOfOneRowWithAbsFlags() {
        ChildCommand c = new ChildCommand(List.of("-Dconcurrencybench.coreCheck=false"),
                List.of("-Dconcurrencybench.coreCheck=false", "-Xmx1g"), null, List.of("-jvmArgsPrepend", "-Dz=1"));
        List<String> cmd = c.build(side("/b/benchmarks.jar", List.of()), List.of(), AbFixtures.ss("m"),
                new ForkSettings(2, 3, null, null), tmp.resolve("r1.json"));
        assertEquals(List.of("/jdk/bin/java", "-Dconcurrencybench.coreCheck=false", "-jar",
                "/b/benchmarks.jar", "^\\Qdev.example.Bench.m\\E$", "-bm", "ss", "-f", "1", "-wi", "2", "-i", "3", "-foe", "true",
                "-rf", "json", "-rff", tmp.resolve("r1.json").toString(), "-jvmArgs", "-Dconcurrencybench.coreCheck=false -Xmx1g",
                "-jvmArgsAppend", "-Xms1g -Xmx1g", "-jvmArgsPrepend", "-Dz=1"), cmd);
    }

    @Test
    void theSidesFlagsComeLastAfterTheDeclaredOnesWhichAnAppendOfTheUsersReplaces() {
        ChildCommand c = ChildCommand.of(JmhSelection.parse(List.of()), false);
        SideSpec serial = side("/b/benchmarks.jar", List.of("-XX:+UseSerialGC", "-Xmx256m"));
        List<String> cmd = c.build(serial, List.of(), AbFixtures.ss("m"), new ForkSettings(2, 3, null, null),
                tmp.resolve("r1.json"));
        assertEquals("-Xms1g -Xmx1g -XX:+UseSerialGC -Xmx256m", cmd.get(cmd.indexOf("-jvmArgsAppend") + 1),
                "the heap the benchmark declares stays, and the side's -Xmx, last, wins");
        assertEquals("/jdk/bin/java", cmd.get(0), "the side's java runs the host, and so its forks");
        assertEquals(1, cmd.stream().filter("-jvmArgsAppend"::equals).count(), "JMH takes one value split, several unsplit");

        ChildCommand users = ChildCommand.of(JmhSelection.parse(List.of("-jvmArgsAppend", "-Xmx2g -Dx=1")), false);
        List<String> replaced = users.build(serial, List.of(), AbFixtures.ss("m"), new ForkSettings(2, 3, null, null),
                tmp.resolve("r1.json"));
        assertEquals("-Xmx2g -Dx=1 -XX:+UseSerialGC -Xmx256m", replaced.get(replaced.indexOf("-jvmArgsAppend") + 1));

        List<String> none = c.build(side("/b/benchmarks.jar", List.of()), List.of(), AbFixtures.ss("other"),
                new ForkSettings(2, 3, null, null), tmp.resolve("r1.json"));
        assertTrue(!none.contains("-jvmArgsAppend"), "nothing declared, nothing given: no empty -jvmArgsAppend");
        assertEquals("\"-Dname=a b\"", ChildCommand.quoted("-Dname=a b"), "JMH splits on spaces outside double quotes");
    }

    @Test
    void flagsInOneStringSplitAsJmhSplitsThem() {
        assertEquals(List.of("-Dname=a b", "-Xmx1g"), JmhSelection.split(" -Dname=\"a b\"   -Xmx1g "));
        assertEquals(List.of("-Dq='x'"), JmhSelection.split("-Dq='x' \"\""), "single quotes stay; \"\" is no flag, as in JMH");
        assertEquals(List.of(), JmhSelection.split("  "));
        AbException e = org.junit.jupiter.api.Assertions.assertThrows(AbException.class, () -> JmhSelection.split("-Dx=\"a b"));
        assertEquals("a double quote is not closed in the JVM flags '-Dx=\"a b'", e.getMessage());
        // Split, then joined for JMH: the same flags come out of JMH's own split.
        List<String> flags = JmhSelection.split("-Dname=\"a b\" -Xmx1g");
        assertEquals(flags, JmhSelection.split(String.join(" ", flags.stream().map(ChildCommand::quoted).toList())));
    }

    @Test
    void bothSidesGetTheSameFlagsAndTheArchivesAreRelative() {
        ChildCommand c = ChildCommand.of(JmhSelection.parse(List.of("-jvmArgs", "-Xss1m")), true);
        assertTrue(c.hostFlags().contains(ChildCommand.NO_CORE_CHECK));
        assertTrue(c.hostFlags().contains("-XX:SharedArchiveFile=ab-host.jsa"));
        assertTrue(c.hostFlags().contains("-XX:TieredStopAtLevel=1"), "the host only orchestrates");
        assertEquals("-Xss1m", c.forkFlags().get(c.forkFlags().size() - 1), "the user's fork flags come last");
        assertTrue(c.forkFlags().contains("-XX:SharedArchiveFile=ab-fork.jsa"));
        assertTrue(c.forkFlags().stream().noneMatch(f -> f.contains("TieredStopAtLevel")), "the measured JVM is left alone");
        ChildCommand plain = ChildCommand.of(JmhSelection.parse(List.of()), false);
        assertEquals(List.of(ChildCommand.NO_CORE_CHECK), plain.forkFlags());
    }

    @Test
    void theProfilerRunsOnBothSidesOrOnNeither() {
        assertEquals(List.of(), ChildCommand.profilerArgs(true, true), "both jars have it: both forks pay for it alike");
        assertEquals(List.of(), ChildCommand.profilerArgs(false, false));
        assertEquals(List.of(), ChildCommand.profilerArgs(false, true), "a jar without it cannot be told anything");
        assertEquals(List.of("-prof", "cpu:off"), ChildCommand.profilerArgs(true, false), "the side with it turns it off");
        ChildCommand c = ChildCommand.of(JmhSelection.parse(List.of()), false);
        List<String> cmd = c.build(side("/b/benchmarks.jar", List.of()), ChildCommand.profilerArgs(true, false), AbFixtures.ss("m"),
                new ForkSettings(2, 3, null, null), tmp.resolve("r1.json"));
        assertEquals(List.of("-prof", "cpu:off"), cmd.subList(cmd.size() - 2, cmd.size()),
                "last, so that it overrides the run profile's -prof cpu");
    }
}
