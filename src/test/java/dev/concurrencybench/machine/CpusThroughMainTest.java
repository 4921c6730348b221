package dev.concurrencybench.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.concurrencybench.Leaks;
import dev.concurrencybench.Main;
import dev.concurrencybench.process.JavaCommand;
import dev.concurrencybench.python.PythonStage;
import dev.concurrencybench.results.Environment;
import dev.concurrencybench.results.Sidecar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code --cpus}, {@code cores} and the run's core checks through the real entry point, each in a
 * JVM of its own started as a user would start the jar: bad input, a whole run pinned (seen from
 * outside, in /proc), and the checks in the sidecar.
 */
class CpusThroughMainTest {

    /**
     * Native access, as `java -jar` gets it from the manifest; no wait on another run's JMH lock; no Python
     * exercises after JMH, whose results file would sit beside the one these tests read.
     */
    private static final List<String> JVM_FLAGS = List.of("--enable-native-access=ALL-UNNAMED", "-Djmh.ignoreLock=true",
            "-D" + PythonStage.PROPERTY + "=false");

    @TempDir
    Path dir;

    private record Outcome(int code, String out, String err) {
    }

    private Process start(List<String> jvmFlags, List<String> args) throws IOException {
        return new ProcessBuilder(JavaCommand.of(jvmFlags, Main.class, args)).directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
    }

    private Outcome run(List<String> jvmFlags, String... args) throws Exception {
        Process p = start(jvmFlags, List.of(args));
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail("the run did not end: " + String.join(" ", args));
        }
        return new Outcome(p.exitValue(), Files.readString(dir.resolve("out.txt")), Files.readString(dir.resolve("err.txt")));
    }

    static Stream<List<String>> badCpus() {
        int beyond = Affinity.allowed().cpus().get(Affinity.allowed().size() - 1) + 1;
        return Stream.of(
                List.of("--cpus"),
                List.of("--cpus", "abc", "CpuBoundBenchmark"),
                List.of("--cpus", "1-0", "CpuBoundBenchmark"),
                List.of("--cpus", "0," + beyond, "CpuBoundBenchmark"),
                List.of("--cpus", "0", "--cpus", "0", "CpuBoundBenchmark"),
                List.of("cores", "--cpus", "0-"),
                List.of("cores", "--cpus", String.valueOf(beyond)),
                List.of("cores", "--no-such-option"));
    }

    @ParameterizedTest
    @MethodSource("badCpus")
    void badInputIsOneLineAndExitTwo(List<String> args) throws Exception {
        Outcome o = run(JVM_FLAGS, args.toArray(String[]::new));
        assertEquals(2, o.code(), o.err());
        assertEquals(1, o.err().lines().count(), "one line on stderr: " + o.err());
        assertTrue(o.err().contains("--cpus") || o.err().contains("--no-such-option"), o.err());
        assertEquals("", o.out());
        Leaks.assertNoChildProcesses();
    }

    @Test
    void aPinnedRunPinsTheHostItsForkAndItsWorkerJvm() throws Exception {
        assumeTrue(Affinity.canPin(), "pinning is impossible here: " + Affinity.whyNot());
        CpuList target = Affinity.allowed().cpus().contains(0) ? CpuList.of(0) : CpuList.of(Affinity.allowed().cpus().get(0));
        List<String> flags = new ArrayList<>(JVM_FLAGS);
        flags.add("-D" + RunCheck.PROPERTY + "=false");
        // fib(60) in a PROCESS_POOL worker runs for hours: the fork and its worker stay alive until the test kills them.
        Process root = start(flags, List.of("--cpus", target.toString(), "CpuBoundBenchmark.fibList$",
                "-p", "model=PROCESS_POOL", "-p", "fibs=60", "-f", "1", "-wi", "0", "-i", "1"));
        try {
            Leaks.waitFor("the pinned run's JMH fork and worker JVM", () -> {
                if (!root.isAlive()) {
                    fail("the run ended early: " + readQuietly(dir.resolve("err.txt")));
                }
                return find(root, "ForkedMain").isPresent() && find(root, "WorkerMain").isPresent();
            }, () -> tree(root));
            ProcessHandle host = root.children().findFirst().orElseThrow();
            assertTrue(host.info().commandLine().orElse("").contains(Main.class.getName()), host.info().commandLine().orElse("?"));
            for (ProcessHandle p : List.of(host, find(root, "ForkedMain").orElseThrow(), find(root, "WorkerMain").orElseThrow())) {
                String what = p.pid() + " " + p.info().commandLine().orElse("?");
                assertEquals(Optional.of(target), Affinity.ofProcess(p.pid()), what);
                assertEveryThreadOn(target, p.pid(), what);
            }
        } finally {
            killTree(root);
        }
        Leaks.assertNoChildProcesses();
    }

    @Test
    void aRunRecordsBothChecksAndItsCpusInTheSidecar() throws Exception {
        assumeTrue(Affinity.canPin(), "pinning is impossible here: " + Affinity.whyNot());
        CpuList target = CpuList.of(Affinity.allowed().cpus().get(0));
        Outcome o = run(JVM_FLAGS, "--cpus", target.toString(), "CpuBoundBenchmark.fibList$", "-p", "model=SEQUENTIAL",
                "-p", "fibs=10", "-f", "1", "-wi", "0", "-i", "1");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("Pinned to CPU " + target + ":"), o.out());
        assertEquals(1, o.out().lines().filter(l -> l.startsWith("Core check before the run: ")).count(), o.out());
        assertEquals(1, o.out().lines().filter(l -> l.startsWith("Core check after the run: ")).count(), o.out());
        Path results;
        try (Stream<Path> files = Files.list(dir.resolve("results"))) {
            results = files.filter(f -> !Sidecar.isSidecar(f)).findFirst().orElseThrow();
        }
        Environment env = Sidecar.readFor(results).orElseThrow();
        assertEquals(target.toString(), env.cpus());
        assertEquals(1, env.logicalCores(), "availableProcessors() in the pinned JVM is the list's size");
        for (CoreCheck check : new CoreCheck[] {env.coreCheckBefore(), env.coreCheckAfter()}) {
            assertNotNull(check);
            assertEquals(target.cpus(), check.cpus().stream().map(CoreCheck.CpuSpeed::cpu).toList(), "only the run's CPUs");
            assertEquals(1.0, check.capacity(), 1e-9);
            assertNotNull(check.pinnedWith());
        }
        assertEquals(JVM_FLAGS, env.jvmFlags(), "the re-launch adds nothing to the recorded flags");
        Leaks.assertNoChildProcesses();
    }

    @Test
    void listingRunsNoCheckAndNoRelaunch() throws Exception {
        assumeTrue(Affinity.canPin(), "pinning is impossible here: " + Affinity.whyNot());
        Outcome o = run(JVM_FLAGS, "--cpus", Affinity.allowed().cpus().get(0).toString(), "-l", "CpuBoundBenchmark");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("CpuBoundBenchmark.fibList"), o.out());
        assertFalse(o.out().contains("Core check"), o.out());
        assertFalse(o.out().contains("Pinned to"), o.out());
    }

    private static Optional<ProcessHandle> find(Process root, String mainClass) {
        return root.descendants().filter(p -> p.info().commandLine().orElse("").contains(mainClass)).findFirst();
    }

    private static void assertEveryThreadOn(CpuList target, long pid, String what) throws IOException {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path task : tasks.toList()) {
                Optional<CpuList> cpus = LinuxProc.allowedCpus(task.resolve("status"));
                // A thread that ended between the listing and the read has no status left to check.
                cpus.ifPresent(c -> assertEquals(target, c, "thread " + task.getFileName() + " of " + what));
            }
        }
    }

    private static String tree(Process root) {
        StringBuilder s = new StringBuilder();
        root.descendants().forEach(p -> s.append(p.pid()).append(' ').append(p.info().commandLine().orElse("?")).append('\n'));
        return s.toString();
    }

    private static void killTree(Process root) throws InterruptedException {
        List<ProcessHandle> all = new ArrayList<>(root.descendants().toList());
        all.add(root.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : all) {
            p.onExit().orTimeout(Leaks.BOUND.toSeconds(), TimeUnit.SECONDS).exceptionally(e -> p).join();
        }
        root.waitFor();
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(no stderr: " + e.getMessage() + ")";
        }
    }
}
