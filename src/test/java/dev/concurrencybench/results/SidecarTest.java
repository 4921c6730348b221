package dev.concurrencybench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concurrencybench.Leaks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SidecarTest {

    @Test
    void captureWriteReadRoundTrip(@TempDir Path dir) throws Exception {
        Path results = dir.resolve(ResultsFiles.name(Instant.parse("2026-11-27T00:15:00Z"), "quick", List.of()));
        assertEquals("20261127T001500Z-quick-all.json", results.getFileName().toString());
        Environment env = Sidecar.capture(results.getFileName().toString(), "quick", List.of("-f", "3"), dir);
        Leaks.assertNoChildProcesses();
        assertEquals(Environment.FORMAT, env.format());
        assertEquals(Runtime.getRuntime().availableProcessors(), env.logicalCores());
        assertTrue(env.memoryBytes() > 0);
        assertFalse(env.cpuModel().isBlank());
        assertEquals(System.getProperty("java.runtime.version"), env.jdkVersion());
        assertEquals(null, env.gitCommit(), "a fresh temp dir is no git work tree");

        Sidecar.write(results, env);
        Path sidecar = dir.resolve("20261127T001500Z-quick-all.env.json");
        assertTrue(Files.isRegularFile(sidecar));
        assertTrue(Sidecar.isSidecar(sidecar));
        assertEquals(Optional.of(env), Sidecar.readFor(results));
        assertEquals(List.of(), env.differencesFrom(env));
    }

    @Test
    void capturesTheGitCommitInAWorkTree() {
        // The tests run in the project's work tree when it is a git checkout (CI clones it).
        Path cwd = Path.of("").toAbsolutePath();
        Environment env = Sidecar.capture("x.json", "full", List.of(), cwd);
        Leaks.assertNoChildProcesses();
        if (Files.exists(cwd.resolve(".git"))) {
            assertNotNull(env.gitCommit());
            assertTrue(env.gitCommit().matches("[0-9a-f]{40,64}"), env.gitCommit());
            assertNotNull(env.gitDirty());
        } else {
            assertEquals(null, env.gitCommit());
        }
    }

    @Test
    void missingSidecarIsEmptyButABrokenOneIsAnError(@TempDir Path dir) throws Exception {
        Path results = dir.resolve("r.json");
        assertEquals(Optional.empty(), Sidecar.readFor(results));
        Files.writeString(dir.resolve("r.env.json"), "{not json");
        ResultsException e = assertThrows(ResultsException.class, () -> Sidecar.readFor(results));
        assertTrue(e.getMessage().contains("malformed environment sidecar"), e.getMessage());
        Files.writeString(dir.resolve("r.env.json"), "{\"format\":\"other/9\"}");
        e = assertThrows(ResultsException.class, () -> Sidecar.readFor(results));
        assertTrue(e.getMessage().contains("not an environment sidecar"), e.getMessage());
    }

    @Test
    void differencesNameEachField() {
        Environment a = env("CPU A", 2, "21.0.5", List.of("-Xmx2g"));
        Environment b = env("CPU B", 4, "25.0.1", List.of("-Xmx4g"));
        List<String> d = a.differencesFrom(b);
        assertEquals(4, d.size(), d.toString());
        assertTrue(d.get(0).startsWith("CPU model: 'CPU A' vs 'CPU B'"), d.get(0));
        assertTrue(d.stream().anyMatch(s -> s.startsWith("logical cores")));
        assertTrue(d.stream().anyMatch(s -> s.startsWith("JDK version")));
        assertTrue(d.stream().anyMatch(s -> s.startsWith("JVM flags")));
    }

    @Test
    void namesSortByTimeAndNewestIgnoresSidecars(@TempDir Path dir) throws Exception {
        String older = ResultsFiles.name(Instant.parse("2026-01-02T03:04:05Z"), "quick", List.of("CpuBoundBenchmark"));
        String newer = ResultsFiles.name(Instant.parse("2026-11-27T00:00:00Z"), "full", List.of("a.*", "b"));
        assertEquals("20260102T030405Z-quick-CpuBoundBenchmark.json", older);
        assertEquals("20261127T000000Z-full-a._+b.json", newer);
        Files.writeString(dir.resolve(older), "[]");
        Files.writeString(dir.resolve(newer), "[]");
        Files.writeString(Sidecar.pathFor(dir.resolve(newer)), "{}");
        Files.writeString(dir.resolve("zzz.env.json"), "{}");
        // An ab run's verdicts sit beside its results; they are not a results file.
        Files.writeString(dir.resolve(ResultsFiles.AB_TABLE), "{}");
        assertEquals(Optional.of(dir.resolve(newer)), ResultsFiles.newest(dir));
        assertEquals(2, ResultsFiles.list(dir).count());
        assertEquals(Optional.empty(), ResultsFiles.newest(dir.resolve("absent")));
    }

    @Test
    void newestIsTheNewestJmhRunUnlessTheFolderHoldsOnlyPythonRuns(@TempDir Path dir) throws Exception {
        String python = ResultsFiles.pythonName(Instant.parse("2026-11-27T00:20:00Z"));
        assertEquals("20261127T002000Z-python.json", python);
        Files.writeString(dir.resolve(python), "[]");
        assertEquals(Optional.of(dir.resolve(python)), ResultsFiles.newest(dir));
        String jmh = ResultsFiles.name(Instant.parse("2026-11-27T00:00:00Z"), "full", List.of());
        Files.writeString(dir.resolve(jmh), "[]");
        assertEquals(Optional.of(dir.resolve(jmh)), ResultsFiles.newest(dir), "the Python file written after it is not taken");
        assertTrue(ResultsFiles.isPython(dir.resolve(python)));
    }

    @Test
    void aPythonSidecarKeepsItsInterpretersAndAJmhSidecarHasNoneWritten(@TempDir Path dir) throws Exception {
        Path results = dir.resolve("r.json");
        PythonInterpreter free = new PythonInterpreter("/usr/bin/python3.14t", "CPython", "3.14.0", true, false, "forkserver", 2);
        Sidecar.write(results, env("CPU", 2, "25", List.of()).withPython(List.of(free)));
        assertEquals(List.of(free), Sidecar.readFor(results).orElseThrow().python());
        Sidecar.write(results, env("CPU", 2, "25", List.of()));
        assertFalse(Files.readString(Sidecar.pathFor(results)).contains("python"));
        assertEquals(null, Sidecar.readFor(results).orElseThrow().python());
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(Sidecar.pathFor(results)), files.toList(), "no temporary file left beside it");
        }
    }

    @Test
    void anAbSidecarNamesItsSideAndItsJavaIsItsJdk(@TempDir Path dir) throws Exception {
        Path results = dir.resolve("new.json");
        AbSide side = new AbSide("new", "/w/benchmarks.jar", "ab".repeat(32), "/jdk/21", "21.0.5", "Other Vendor", "21.0.5+11",
                "OpenJDK VM", List.of("-XX:+UseSerialGC"));
        Sidecar.write(results, env("CPU A", 2, "25.0.3", List.of()).withAbSide(side));
        Environment read = Sidecar.readFor(results).orElseThrow();
        assertEquals(side, read.abSide());
        assertEquals("Other Vendor", read.jdkVendor(), "the side's java ran its forks, not the one running ab");
        assertEquals("21.0.5+11", read.jdkVersion());
        Environment base = env("CPU A", 2, "21.0.5+11", List.of()).withAbSide(new AbSide("base", "/w/benchmarks.jar",
                "ab".repeat(32), "/jdk/21", "21.0.5", "Other Vendor", "21.0.5+11", "OpenJDK VM", List.of()));
        assertEquals(List.of("flags of the ab side's forks: 'none' vs '-XX:+UseSerialGC'"), base.differencesFrom(read),
                "compare warns of the flags as of a JDK");
        Sidecar.write(results, env("CPU A", 2, "25.0.3", List.of()));
        assertFalse(Files.readString(Sidecar.pathFor(results)).contains("abSide"), "no side, nothing written");
    }

    static Environment env(String cpu, int cores, String jdk, List<String> flags) {
        return new Environment(Environment.FORMAT, "r.json", "2026-11-27T00:00:00Z", "quick", cpu, cores, 1L << 30,
                "Linux", "6.1", "amd64", "Eclipse Adoptium", jdk, flags, List.of(), null, null);
    }
}
