package dev.concurrencybench.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code --cpus} taken out of a suite command line and checked; the run itself is in CpusThroughTheJarTest. */
class PinnedRunTest {

    @Test
    void withoutCpusNothingChanges() {
        PinnedRun run = PinnedRun.parse(List.of("CpuBoundBenchmark", "-f", "1"));
        assertEquals(Optional.empty(), run.cpus());
        assertEquals(List.of("CpuBoundBenchmark", "-f", "1"), run.rest());
        assertFalse(run.mustRelaunch());
        assertEquals(null, run.label());
        assertEquals(Optional.empty(), run.describe());
    }

    @Test
    void takesCpusOutInBothSpellings() {
        assumeTrue(Affinity.canPin(), "--cpus is refused where pinning is impossible: " + Affinity.whyNot());
        String first = String.valueOf(Affinity.allowed().cpus().get(0));
        PinnedRun spaced = PinnedRun.parse(List.of("-f", "1", "--cpus", first, "CpuBoundBenchmark"));
        assertEquals(Optional.of(CpuList.parse(first)), spaced.cpus());
        assertEquals(List.of("-f", "1", "CpuBoundBenchmark"), spaced.rest());
        assertEquals(first, spaced.label());
        PinnedRun joined = PinnedRun.parse(List.of("--cpus=" + Affinity.allowed(), "-l"));
        assertEquals(Optional.of(Affinity.allowed()), joined.cpus());
        assertEquals(List.of("-l"), joined.rest());
        assertFalse(joined.mustRelaunch(), "a JVM already on exactly these CPUs runs as it is");
        assertTrue(joined.describe().orElseThrow().startsWith("Pinned to CPU"));
    }

    @Test
    void badListsAreOneLineNamingTheOption() {
        for (List<String> args : List.of(List.of("--cpus"), List.of("--cpus", "x"), List.of("--cpus=3-1"), List.of("--cpus", ""),
                List.of("--cpus", "0", "--cpus", "0"), List.of("--cpus", String.valueOf(CpuList.MAX_CPU)))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PinnedRun.parse(args), args.toString());
            assertTrue(e.getMessage().startsWith("--cpus"), e.getMessage());
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        }
    }
}
