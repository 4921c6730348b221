package dev.concurrencybench.ab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concurrencybench.Leaks;
import dev.concurrencybench.Main;
import dev.concurrencybench.machine.Affinity;
import dev.concurrencybench.machine.CoreCheck;
import dev.concurrencybench.machine.CpuList;
import dev.concurrencybench.machine.RunCheck;
import dev.concurrencybench.process.JavaCommand;
import dev.concurrencybench.results.Environment;
import dev.concurrencybench.results.ResultsFiles;
import dev.concurrencybench.results.Sidecar;
import dev.concurrencybench.util.Checksums;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ab} for real, in a JVM of its own as a user starts it, on a jar that runs this build's
 * benchmarks: {@code --cpus} seen from outside in /proc, the core checks and CPU list in both
 * sidecars, and the rows a {@code --part} measures.
 *
 * <p>The jar ({@link AbFixtures#suiteJar}) behaves as {@code java -jar target/benchmarks.jar}, JMH
 * forks included. Like an older base jar, it has no {@code Enable-Native-Access} and knows no
 * {@code ab} option: whatever pins its calls must work from outside.
 */
class AbThroughMainTest {

    @TempDir
    static Path shared;
    static Path jar;

    @TempDir
    Path dir;

    @BeforeAll
    static void jar() throws IOException {
        jar = AbFixtures.suiteJar(shared.resolve("suite.jar"));
    }

    /** {@code ab} with both sides on the test jar, in a new JVM whose temp folder is the test's own. */
    private Process startAb(List<String> jvmFlags, String... args) throws IOException {
        List<String> flags = new ArrayList<>(List.of("--enable-native-access=ALL-UNNAMED", "-Djmh.ignoreLock=true",
                "-Djava.io.tmpdir=" + Files.createDirectories(dir.resolve("tmp"))));
        flags.addAll(jvmFlags);
        List<String> all = new ArrayList<>(List.of("ab", "--base", jar.toString(), "--new", jar.toString(),
                "--results", dir.resolve("results").toString()));
        all.addAll(List.of(args));
        return new ProcessBuilder(JavaCommand.of(flags, Main.class, all)).directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
    }

    private static CpuList oneCpu() {
        CpuList allowed = Affinity.allowed();
        return allowed.cpus().contains(0) ? CpuList.of(0) : CpuList.of(allowed.cpus().get(0));
    }

    @Test
    void withCpusEveryCallOfBothSidesRunsOnTheList() throws Exception {
        assumeTrue(Affinity.canPin(), "pinning is impossible here: " + Affinity.whyNot());
        CpuList target = oneCpu();
        // fib(60) in one thread runs for hours: the first fork stays alive until the test stops ab.
        Process ab = startAb(List.of("-D" + RunCheck.PROPERTY + "=false"), "--cpus", target.toString(), "--no-cds",
                "CpuBoundBenchmark.fibList$", "-p", "model=SEQUENTIAL", "-p", "fibs=60");
        try {
            Leaks.waitFor("ab's first JMH fork", () -> {
                if (!ab.isAlive()) {
                    fail("ab ended early: " + read("err.txt"));
                }
                return find(ab, "ForkedMain").isPresent();
            }, () -> tree(ab));
            ProcessHandle host = find(ab, "-jar " + jar).orElseThrow();
            for (ProcessHandle p : List.of(host, find(ab, "ForkedMain").orElseThrow())) {
                assertEquals(Optional.of(target), Affinity.ofProcess(p.pid()), p.pid() + " " + p.info().commandLine().orElse("?"));
            }
        } finally {
            // As Ctrl-C or CI's cancel would: ab stops its call in progress and removes its temp folders.
            ab.destroy();
            if (!ab.waitFor(Leaks.BOUND.toSeconds(), TimeUnit.SECONDS)) {
                ab.descendants().forEach(ProcessHandle::destroyForcibly);
                ab.destroyForcibly();
                fail("ab did not stop on SIGTERM");
            }
        }
        Leaks.assertNoChildProcesses();
        try (Stream<Path> left = Files.list(dir.resolve("tmp"))) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().startsWith("concurrency-bench-ab-")).toList());
        }
    }

    /** Four one-millisecond sleep rows: part 2 of 2 measures the second and the fourth, and says so. */
    @Test
    void aPartMeasuresEveryNthRowAndSaysSo() throws Exception {
        Process ab = startAb(List.of("-D" + RunCheck.PROPERTY + "=false"), "--part", "2/2", "--budget", "5s", "--no-cds",
                "--format", "json", "-o", dir.resolve("ab.json").toString(), "IoBoundBenchmark.sleepTasks$",
                "-p", "model=SEQUENTIAL,PLATFORM_THREADS,FIXED_POOL,CACHED_POOL", "-p", "sleepMs=1", "-wi", "0", "-i", "1");
        if (!ab.waitFor(4, TimeUnit.MINUTES)) {
            ab.descendants().forEach(ProcessHandle::destroyForcibly);
            ab.destroyForcibly();
            fail("ab did not end: " + read("err.txt"));
        }
        assertTrue(ab.exitValue() == 0 || ab.exitValue() == 1, "exit " + ab.exitValue() + ": " + read("err.txt"));
        assertTrue(read("err.txt").contains("ab: 2 rows in common (0 added, 0 removed), part 2/2 of 4, budget 5s"),
                read("err.txt"));
        JsonNode table = new ObjectMapper().readTree(dir.resolve("ab.json").toFile());
        List<String> models = new ArrayList<>();
        table.get("rows").forEach(r -> models.add(r.get("params").get("model").asText()));
        assertEquals(List.of("PLATFORM_THREADS", "CACHED_POOL"), models);
        List<String> notes = new ArrayList<>();
        table.get("notes").forEach(n -> notes.add(n.asText()));
        assertTrue(notes.contains("part 2/2: 2 of the 4 rows in common, dealt in turn"), notes.toString());
        Leaks.assertNoChildProcesses();
    }

    @Test
    void bothSidecarsRecordTheCpusAndTheCoreChecksAroundTheRounds() throws Exception {
        assumeTrue(Affinity.canPin(), "pinning is impossible here: " + Affinity.whyNot());
        CpuList target = oneCpu();
        // One cheap row; the budget pays for the first pair (predicted at 6 s) and a little more.
        Process ab = startAb(List.of(), "--cpus", target.toString(), "--budget", "7s", "--format", "json",
                "IoBoundBenchmark.sleepTasks$", "-p", "model=VIRTUAL_THREADS", "-p", "sleepMs=1", "-wi", "0", "-i", "1");
        if (!ab.waitFor(3, TimeUnit.MINUTES)) {
            ab.descendants().forEach(ProcessHandle::destroyForcibly);
            ab.destroyForcibly();
            fail("ab did not end: " + read("err.txt"));
        }
        String err = read("err.txt");
        assertTrue(ab.exitValue() == 0 || ab.exitValue() == 1, err);
        List<String> lines = err.lines().toList();
        assertEquals(1, lines.stream().filter(l -> l.startsWith("Core check before the first round: ")).count(), err);
        assertEquals(1, lines.stream().filter(l -> l.startsWith("Core check after the last round: ")).count(), err);
        assertTrue(lines.get(0).contains(", pinned to CPUs " + target + ";"), err);
        assertTrue(read("out.txt").contains("\"cpus\" : \"" + target + "\""), "the JSON output's options name the CPUs");

        Path run;
        try (Stream<Path> runs = Files.list(dir.resolve("results"))) {
            run = runs.findFirst().orElseThrow();
        }
        // The verdicts are kept beside the results, as --format json prints them, whatever the format asked for.
        assertEquals(read("out.txt"), Files.readString(run.resolve(ResultsFiles.AB_TABLE)));
        assertTrue(read("out.txt").contains("\"baseJarSha256\" : \"" + Checksums.sha256(jar) + "\""), "the builds' digests");
        Environment base = Sidecar.readFor(run.resolve("base.json")).orElseThrow();
        Environment next = Sidecar.readFor(run.resolve("new.json")).orElseThrow();
        for (Environment e : List.of(base, next)) {
            assertEquals(target.toString(), e.cpus());
            for (CoreCheck check : new CoreCheck[] {e.coreCheckBefore(), e.coreCheckAfter()}) {
                assertNotNull(check);
                assertEquals(target.cpus(), check.cpus().stream().map(CoreCheck.CpuSpeed::cpu).toList(), "only the run's CPUs");
            }
        }
        assertEquals(base.coreCheckBefore(), next.coreCheckBefore(), "one check for both sides");
        assertEquals(base.coreCheckAfter(), next.coreCheckAfter());
        Leaks.assertNoChildProcesses();
    }

    private static Optional<ProcessHandle> find(Process root, String inCommandLine) {
        return root.descendants().filter(p -> p.info().commandLine().orElse("").contains(inCommandLine)).findFirst();
    }

    private static String tree(Process root) {
        return root.descendants().map(p -> p.pid() + " " + p.info().commandLine().orElse("?"))
                .collect(Collectors.joining("\n"));
    }

    private String read(String file) {
        try {
            return Files.readString(dir.resolve(file));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }
}
