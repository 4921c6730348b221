package dev.concurrencybench.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.concurrencybench.Leaks;
import dev.concurrencybench.Main;
import dev.concurrencybench.process.JavaCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SIGTERM or Ctrl-C (SIGINT) of the jar's {@code python} subcommand, in a JVM of its own, while a
 * real Python tree runs: the program, the fork it started and that fork's two worker processes,
 * which sleep for an hour. Every one of them must end, and nothing may be left in results/ or in
 * the temp folder.
 */
class PythonInterruptTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"TERM", "INT"})
    void aSignalToTheJarLeavesNoPythonProcessAndNoFile(String signal) throws Exception {
        Pythons.requireReal();
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        List<String> command = new ArrayList<>(JavaCommand.of(List.of("-Djava.io.tmpdir=" + tmp), Main.class,
                List.of("python", "sleepTasks", "-p", "model=Process", "-p", "tasks=2", "-p", "sleepMs=3600000",
                        "-f", "1", "-wi", "0", "-i", "1")));
        if (signal.equals("INT") && sigintIgnored()) {
            // A job started in the background of a non-interactive shell (nohup, `cmd &` in a script)
            // ignores SIGINT, every child inherits that, and a JVM that starts with SIGINT ignored
            // leaves it so: Ctrl-C could never reach the jar. A terminal's Ctrl-C is what is tested.
            command.addAll(0, List.of("env", "--default-signal=INT"));
        }
        Process jar = new ProcessBuilder(command)
                .directory(dir.toFile()).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile()).start();
        List<ProcessHandle> python;
        try {
            // The program, its fork, and the fork's two task processes.
            Leaks.waitFor("the Python tree to start", () -> {
                if (!jar.isAlive()) {
                    fail("the jar ended early: " + read("err.txt"));
                }
                return pythonUnder(jar).size() >= 4;
            }, () -> pythonUnder(jar).toString());
            python = pythonUnder(jar);
            signal(jar, signal);
            assertTrue(jar.waitFor(Leaks.BOUND.toSeconds(), TimeUnit.SECONDS), "the jar did not end: " + read("err.txt"));
        } finally {
            jar.descendants().forEach(ProcessHandle::destroyForcibly);
            jar.destroyForcibly();
        }
        assertEquals(128 + (signal.equals("TERM") ? 15 : 2), jar.exitValue(), read("err.txt"));
        Leaks.waitFor("every Python process to end", () -> python.stream().noneMatch(ProcessHandle::isAlive),
                () -> python.stream().filter(ProcessHandle::isAlive).toList().toString());
        assertFalse(Files.exists(dir.resolve("results")), "nothing written to results/");
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(), left.toList(), "the unpacked program and partial results are removed");
        }
    }

    /** The program and its forks run notebook.py; their worker processes are forks of them, with the same command line. */
    private static List<ProcessHandle> pythonUnder(Process jar) {
        return jar.descendants().filter(p -> p.info().commandLine().orElse("").contains(NotebookProgram.ENTRY)).toList();
    }

    private static void signal(Process jar, String signal) throws IOException, InterruptedException {
        if (signal.equals("TERM")) {
            jar.destroy();
            return;
        }
        // Java can only send SIGTERM or SIGKILL; Ctrl-C is SIGINT.
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(jar.pid())).inheritIO().start();
        assertEquals(0, kill.waitFor());
    }

    /** Whether this JVM was started with SIGINT ignored: bit 2 of SigIgn in /proc/self/status (Linux). */
    private static boolean sigintIgnored() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return false;
        }
        try (Stream<String> lines = Files.lines(status)) {
            return lines.filter(l -> l.startsWith("SigIgn:")).findFirst()
                    .map(l -> (Long.parseLong(l.substring("SigIgn:".length()).trim(), 16) & 0x2) != 0).orElse(false);
        }
    }

    private String read(String name) {
        try {
            return Files.readString(dir.resolve(name));
        } catch (IOException e) {
            return "(" + e.getMessage() + ")";
        }
    }
}
