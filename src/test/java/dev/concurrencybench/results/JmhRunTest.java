package dev.concurrencybench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concurrencybench.Leaks;
import dev.concurrencybench.Main;
import dev.concurrencybench.process.JavaCommand;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JmhRunTest {

    private static final Instant T = Instant.parse("2026-11-27T00:15:00Z");

    @Test
    void anEmptyResultsFileIsDiscardedAndGetsNoSidecar(@TempDir Path dir) throws Exception {
        JmhRun run = JmhRun.prepare(List.of("IoBoundBenchmark"), dir, T);
        run.createResultsDir();
        Files.createFile(run.results()); // what JMH leaves when a run fails or is interrupted
        assertFalse(run.writeSidecar());
        run.discardIfEmpty();
        assertFalse(Files.exists(run.results()));

        Files.writeString(run.results(), "[]");
        run.discardIfEmpty();
        assertTrue(Files.exists(run.results()), "a results file with content is kept");
    }

    /** Through the real entry point: JMH exits 1 on its own, and no empty file is left behind. */
    @Test
    void aRunThatMatchesNoBenchmarkLeavesNoResultsFile(@TempDir Path dir) throws Exception {
        Process p = new ProcessBuilder(JavaCommand.of(List.of("-Djmh.ignoreLock=true"), Main.class, List.of("NoSuchBenchmarkXyz")))
                .directory(dir.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), out);
        assertTrue(out.contains("No matching benchmarks"), out);
        try (Stream<Path> left = Files.list(dir.resolve("results"))) {
            assertEquals(List.of(), left.toList(), "nothing left in results/");
        }
    }

    @Test
    void defaultIsTheFullProfileWritingJsonIntoResults(@TempDir Path dir) {
        JmhRun run = JmhRun.prepare(List.of("CpuBoundBenchmark", "-p", "model=SEQUENTIAL"), dir, T);
        Leaks.assertNoChildProcesses();
        assertEquals(RunProfile.FULL, run.profile());
        Path expected = dir.resolve("results").resolve("20261127T001500Z-full-CpuBoundBenchmark.json");
        assertEquals(expected, run.results());
        assertEquals(List.of("-prof", "cpu", "CpuBoundBenchmark", "-p", "model=SEQUENTIAL", "-rf", "json", "-rff", expected.toString()),
                run.jmhArgs());
        assertEquals("full", run.environment().profile());
        assertEquals(expected.getFileName().toString(), run.environment().resultsFile());
    }

    @Test
    void quickProfileAddsItsFlagsButTheUsersWin(@TempDir Path dir) {
        JmhRun run = JmhRun.prepare(List.of("--profile", "quick", "-f", "1", "IoBoundBenchmark"), dir, T);
        assertEquals(RunProfile.QUICK, run.profile());
        List<String> args = run.jmhArgs();
        assertEquals(List.of("-wi", "1", "-i", "1", "-w", "200ms", "-r", "200ms", "-prof", "cpu", "-f", "1", "IoBoundBenchmark"),
                args.subList(0, 13), "the user's -f 1 replaces the profile's -f 3");
        assertTrue(run.results().getFileName().toString().equals("20261127T001500Z-quick-IoBoundBenchmark.json"));
        assertEquals(RunProfile.QUICK, JmhRun.prepare(List.of("--profile=QUICK"), dir, T).profile());
    }

    @Test
    void theUsersOwnProfilerRunsBesideTheProfiles(@TempDir Path dir) {
        assertEquals(List.of("-prof", "cpu", "-prof", "gc", "X"), JmhRun.prepare(List.of("-prof", "gc", "X"), dir, T).jmhArgs().subList(0, 5));
    }

    @ParameterizedTest
    @EnumSource(RunProfile.class)
    void profilesAreFlagPairsAndParseByLabel(RunProfile profile) {
        assertEquals(profile, RunProfile.parse(profile.label()));
        assertEquals(0, profile.flags().size() % 2);
        if (profile == RunProfile.QUICK) {
            int forks = Integer.parseInt(profile.flags().get(profile.flags().indexOf("-f") + 1));
            assertTrue(forks >= 3, "compare needs 3 forks per side for a verdict");
        }
    }

    @Test
    void usersOwnResultFlagsAndListingsWriteNothing(@TempDir Path dir) {
        JmhRun own = JmhRun.prepare(List.of("-rf", "csv", "X"), dir, T);
        assertNull(own.results());
        assertEquals(List.of("-prof", "cpu", "-rf", "csv", "X"), own.jmhArgs());
        assertNull(JmhRun.prepare(List.of("-rff", "mine.json"), dir, T).results());
        assertNull(JmhRun.prepare(List.of("-l"), dir, T).results());
        assertNull(JmhRun.prepare(List.of("-lp", "Cpu"), dir, T).results());
        assertNull(JmhRun.prepare(List.of("-h"), dir, T).results());
    }

    @Test
    void badProfileIsOneClearError(@TempDir Path dir) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JmhRun.prepare(List.of("--profile", "fast"), dir, T));
        assertEquals("unknown profile 'fast'; valid: quick, full", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> JmhRun.prepare(List.of("--profile"), dir, T));
        assertEquals("--profile needs a name: quick or full", e.getMessage());
    }

    @Test
    void sidecarIsWrittenOnlyWhenTheResultsFileExists(@TempDir Path dir) throws Exception {
        JmhRun run = JmhRun.prepare(List.of(), dir, T);
        run.createResultsDir();
        assertFalse(run.writeSidecar(), "a failed run leaves no sidecar");
        Files.writeString(run.results(), "[]");
        assertTrue(run.writeSidecar());
        assertEquals(run.environment(), Sidecar.readFor(run.results()).orElseThrow());
        assertEquals(List.of(run.results()), ResultsFiles.list(dir.resolve("results")).toList());
    }
}
