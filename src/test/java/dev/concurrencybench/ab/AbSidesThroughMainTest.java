package dev.concurrencybench.ab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.concurrencybench.Leaks;
import dev.concurrencybench.Main;
import dev.concurrencybench.machine.RunCheck;
import dev.concurrencybench.process.JavaCommand;
import dev.concurrencybench.results.AbSide;
import dev.concurrencybench.results.Environment;
import dev.concurrencybench.results.Sidecar;
import dev.concurrencybench.util.Checksums;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A side is (jar, java, flags), seen from outside: {@code ab} for real, in a JVM of its own, with
 * two jars, two java homes (this JDK and a second home made from it) and two sets of flags, on one
 * tiny row. Each side's flags hold {@code -XX:+PauseAtStartup} with a pause file of its own, so
 * every JVM that gets them waits at its start until the test, having read its
 * {@code /proc/<pid>/cmdline}, removes the file: the test sees each side's real forks without any
 * race, and then checks that both sidecars record the side.
 */
class AbSidesThroughMainTest {

    @TempDir
    static Path shared;
    static Path baseJar;
    static Path newJar;
    static Path secondHome;

    @TempDir
    Path dir;

    /** What no home needs to run a JVM, by its path in the home. */
    private static final Set<String> SKIPPED = Set.of("man", "include", "legal", "jmods", "demo", "lib/src.zip");

    @BeforeAll
    static void sides() throws IOException {
        baseJar = AbFixtures.suiteJar(shared.resolve("base.jar"));
        newJar = Files.copy(baseJar, shared.resolve("new.jar"));
        secondHome = mirror(JavaRuntime.running().home(), shared.resolve("second-jdk"));
    }

    /**
     * A second home of this JDK: its files hard-linked where the file system allows, else copied. Not
     * symbolic links: a JVM finds its home from the real path of its launcher and of libjvm.
     */
    static Path mirror(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                if (SKIPPED.contains(from.relativize(d).toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(d).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                Path target = to.resolve(from.relativize(f).toString());
                if (SKIPPED.contains(from.relativize(f).toString())) {
                    return FileVisitResult.CONTINUE;
                }
                if (attrs.isSymbolicLink()) {
                    Files.createSymbolicLink(target, Files.readSymbolicLink(f));
                } else {
                    try {
                        Files.createLink(target, f);
                    } catch (IOException | UnsupportedOperationException e) {
                        Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return to.toRealPath();
    }

    private String flags(String side) {
        return "-XX:+UnlockDiagnosticVMOptions -XX:+PauseAtStartup -XX:PauseAtStartupFile=" + pauseFile(side)
                + " -Dab.test.side=" + side;
    }

    private Path pauseFile(String side) {
        return dir.resolve(side + ".paused");
    }

    /** A process's command line, from /proc, split on its NUL separators; empty once it has ended. */
    private static List<String> cmdline(long pid) {
        try {
            String raw = Files.readString(Path.of("/proc", String.valueOf(pid), "cmdline"), StandardCharsets.UTF_8);
            return List.of(raw.split("\0"));
        } catch (IOException e) {
            return List.of();
        }
    }

    @Test
    void eachSidesJarJavaAndFlagsReachItsForksAndItsSidecar() throws Exception {
        List<String> command = JavaCommand.of(List.of("--enable-native-access=ALL-UNNAMED", "-Djmh.ignoreLock=true",
                "-D" + RunCheck.PROPERTY + "=false", "-Djava.io.tmpdir=" + Files.createDirectories(dir.resolve("tmp"))),
                Main.class, List.of("ab", "--base", baseJar.toString(), "--new", newJar.toString(),
                        "--new-java", secondHome.toString(), "--base-jvm-args", flags("base"), "--new-jvm-args",
                        flags("new") + " -XX:+UseSerialGC", "--results", dir.resolve("results").toString(), "--budget", "5s",
                        "--no-cds", "--format", "json", "IoBoundBenchmark.sleepTasks$", "-p", "model=SEQUENTIAL",
                        "-p", "sleepMs=1", "-wi", "0", "-i", "1"));
        Process ab = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
        // Per side: every paused JVM's command line, with its parent's for the forks (the JMH host).
        Map<String, List<List<String>>> forks = new LinkedHashMap<>(Map.of("base", new ArrayList<>(), "new", new ArrayList<>()));
        Map<String, List<List<String>>> hosts = new LinkedHashMap<>(Map.of("base", new ArrayList<>(), "new", new ArrayList<>()));
        Map<String, Integer> probes = new LinkedHashMap<>(Map.of("base", 0, "new", 0));
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        try {
            while (ab.isAlive()) {
                if (System.nanoTime() > deadline) {
                    fail("ab did not end: " + read("err.txt"));
                }
                for (String side : List.of("base", "new")) {
                    if (!Files.exists(pauseFile(side))) {
                        continue;
                    }
                    String flag = "-XX:PauseAtStartupFile=" + pauseFile(side);
                    // The JVM that got the flag itself; its JMH host has it only inside its -jvmArgsAppend argument.
                    ProcessHandle paused = ab.descendants().filter(p -> cmdline(p.pid()).contains(flag)).findFirst().orElse(null);
                    if (paused == null) {
                        continue;
                    }
                    List<String> cmd = cmdline(paused.pid());
                    if (cmd.contains("-version")) {
                        probes.merge(side, 1, Integer::sum);
                    } else {
                        forks.get(side).add(cmd);
                        hosts.get(side).add(cmdline(paused.parent().orElseThrow().pid()));
                    }
                    Files.delete(pauseFile(side));
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
        } finally {
            ab.descendants().forEach(ProcessHandle::destroyForcibly);
            ab.destroyForcibly();
        }
        String err = read("err.txt");
        assertTrue(ab.exitValue() == 0 || ab.exitValue() == 1, "exit " + ab.exitValue() + ": " + err);
        // new.jar is a copy of base.jar: the same bytes are the same jar, whatever the files' names.
        assertTrue(err.contains("ab: the sides differ in the java and the flags: "), err);
        assertEquals(Map.of("base", 1, "new", 1), probes, "each side's java ran once with its flags before the rounds");

        Path runningJava = JavaRuntime.running().executable().toRealPath();
        Path secondJava = secondHome.resolve("bin").resolve("java");
        for (String side : List.of("base", "new")) {
            Path java = side.equals("base") ? runningJava : secondJava;
            Path jar = side.equals("base") ? baseJar : newJar;
            assertTrue(!forks.get(side).isEmpty(), side + ": no fork seen\n" + err);
            for (List<String> fork : forks.get(side)) {
                assertEquals(java, Path.of(fork.get(0)).toRealPath(), side + "'s fork runs its java: " + fork);
                assertEquals("org.openjdk.jmh.runner.ForkedMain", fork.get(fork.size() - 3), fork.toString());
                assertTrue(fork.contains("-Dab.test.side=" + side), fork.toString());
                assertTrue(fork.contains(ChildCommand.NO_CORE_CHECK), "ab's own fork flags stay: " + fork);
                int heap = fork.indexOf("-Xmx2g");
                assertTrue(heap >= 0 && heap < fork.indexOf("-Dab.test.side=" + side),
                        "the declared heap stays, before the side's flags: " + fork);
                assertEquals(side.equals("new"), fork.contains("-XX:+UseSerialGC"), fork.toString());
            }
            for (List<String> host : hosts.get(side)) {
                assertEquals(java, Path.of(host.get(0)).toRealPath(), side + "'s JMH host runs its java: " + host);
                assertEquals(jar.toString(), host.get(host.indexOf("-jar") + 1), host.toString());
                assertTrue(host.subList(0, host.indexOf("-jar")).stream().noneMatch(a -> a.contains("ab.test.side")),
                        "the side's flags are the forks' only: " + host);
            }
        }

        Path run;
        try (Stream<Path> runs = Files.list(dir.resolve("results"))) {
            run = runs.findFirst().orElseThrow();
        }
        Environment base = Sidecar.readFor(run.resolve("base.json")).orElseThrow();
        Environment next = Sidecar.readFor(run.resolve("new.json")).orElseThrow();
        JavaRuntime running = JavaRuntime.running();
        String sha = Checksums.sha256(baseJar);
        assertEquals(new AbSide("base", baseJar.toString(), sha, running.home().toString(), running.version(),
                running.vendor(), running.build(), running.vmName(), JmhSelection.split(flags("base"))), base.abSide());
        assertEquals(new AbSide("new", newJar.toString(), sha, secondHome.toString(), running.version(), running.vendor(),
                running.build(), running.vmName(), JmhSelection.split(flags("new") + " -XX:+UseSerialGC")), next.abSide());
        assertEquals(running.build(), next.jdkVersion(), "the side's java is the sidecar's JDK");
        String table = read("out.txt");
        assertTrue(table.contains("\"aa\" : false") && table.contains(secondHome.toString()), table);
        Leaks.assertNoChildProcesses();
    }

    private String read(String file) {
        try {
            return Files.readString(dir.resolve(file));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }
}
