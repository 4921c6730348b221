package dev.concurrencybench.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concurrencybench.Leaks;
import dev.concurrencybench.compare.CompareCommand;
import dev.concurrencybench.results.BenchmarkResult;
import dev.concurrencybench.results.Environment;
import dev.concurrencybench.results.Metric;
import dev.concurrencybench.results.PythonInterpreter;
import dev.concurrencybench.results.ResultsFile;
import dev.concurrencybench.results.RunProfile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.statistics.distribution.TDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@code python} subcommand: bad input, missing and unusable interpreters, a failing child, and a real run. */
class PythonCommandTest {

    @TempDir
    Path dir;

    record Outcome(int code, String out, String err) {
    }

    static Outcome python(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PythonCommand.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    static Stream<List<String>> badOptions() {
        return Stream.of(List.of("-f", "0"), List.of("-wi", "-1"), List.of("-i", "0"), List.of("-f", "many"),
                List.of("--profile", "slow"), List.of("--no-such-option"),
                List.of("--python", "a", "--python", "b", "--python", "c"));
    }

    @ParameterizedTest
    @MethodSource("badOptions")
    void badOptionsAreOneLineAndStatusTwo(List<String> args) {
        Outcome o = python(args.toArray(String[]::new));
        assertEquals(2, o.code(), o.err());
        assertEquals(1, o.err().lines().count(), o.err());
        assertTrue(o.err().startsWith("python: ") && !o.err().contains("Exception"), o.err());
        Leaks.assertNoChildProcesses();
    }

    @Test
    void badParametersAndPatternsAreTheProgramsOneLineAndStatusTwo() {
        Pythons.requireReal();
        for (List<String> args : List.of(List.of("-p", "model=GREEN_THREADS"), List.of("NoSuchBenchmark"),
                List.of("-p", "tasks=2", "Async"), List.of("-p", "fibs=36/x", "CpuBound"))) {
            Outcome o = python(args.toArray(String[]::new));
            assertEquals(2, o.code(), args + ": " + o.err());
            assertEquals(1, o.err().lines().count(), o.err());
            assertTrue(o.err().startsWith("python: ") && !o.err().contains("notebook.py:"), o.err());
        }
        Leaks.assertNoChildProcesses();
    }

    private NotebookRun.Request request(String... params) {
        return new NotebookRun.Request(List.of(), RunProfile.FULL, 2, 0, 2, List.of(params), List.of("fibList", "gatherAll"));
    }

    private int run(NotebookRun.Request request, String pathEnv) throws PythonException {
        return PythonCommand.run(request, false, dir, pathEnv, new PrintWriter(new StringWriter()));
    }

    @Test
    void withoutPythonOnThePathItSaysWhatItLookedForAndWhere() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        PythonException e = assertThrows(PythonException.class, () -> run(request(), Pythons.path(empty)));
        assertEquals(2, e.status());
        assertEquals("no usable Python: looked for python3 on the PATH (" + empty + "); install Python 3.9 or newer, or give"
                + " --python PATH", e.getMessage());
        assertFalse(Files.exists(dir.resolve("results")));
    }

    @Test
    void aPythonThatCannotRunTheProgramIsNamedWithItsReason() throws IOException {
        Path bin = dir.resolve("bin");
        Path fake = Pythons.script(bin, "python3", "echo 'notebook.py: needs Python 3.9 or newer, this is 3.8.18' >&2; exit 2");
        PythonException e = assertThrows(PythonException.class, () -> run(request(), Pythons.path(bin)));
        assertEquals(2, e.status());
        assertEquals("no usable Python: python3 at " + fake + ": needs Python 3.9 or newer, this is 3.8.18", e.getMessage());
        Pythons.script(bin, "python3", "echo 'Hello, world'");
        e = assertThrows(PythonException.class, () -> run(request(), Pythons.path(bin)));
        assertTrue(e.getMessage().endsWith("did not describe itself in JSON"), e.getMessage());
    }

    @Test
    void aFailingPythonChildIsOneLineStatusOneAndNoFile() throws IOException {
        Path real = Pythons.requireReal();
        Path bin = dir.resolve("bin");
        // Describes itself as the real python3 does, then fails as a program with a bug would.
        Path failing = Pythons.script(bin, "python3", "case \"$*\" in *--describe*) exec '" + real + "' \"$@\";; esac\n"
                + "echo 'Traceback (most recent call last):' >&2; echo 'RuntimeError: boom' >&2; exit 1");
        PythonException e = assertThrows(PythonException.class, () -> run(request(), Pythons.path(bin)));
        assertEquals(1, e.status());
        assertEquals(failing + " failed with exit status 1: RuntimeError: boom", e.getMessage());
        assertFalse(Files.exists(dir.resolve("results")));
        Leaks.assertNoChildProcesses();
    }

    @Test
    void aRunWritesJmhJsonWithAProcessPerForkThatCompareReads() throws Exception {
        Path bin = dir.resolve("bin");
        Pythons.realIn(bin, "python3");
        assertEquals(0, run(request("fibs=16/12", "model=sequential,Pool", "tasks=3", "sleepMs=5"), Pythons.path(bin)));

        List<Path> files;
        try (Stream<Path> s = Files.list(dir.resolve("results"))) {
            files = s.sorted().toList();
        }
        assertEquals(2, files.size(), files.toString());
        assertTrue(files.get(0).getFileName().toString().matches("\\d{8}T\\d{6}Z-python\\.env\\.json"), files.toString());
        ResultsFile run = ResultsFile.read(files.get(1));
        assertEquals(List.of("python.CpuBound.fibList sequential", "python.CpuBound.fibList Pool", "python.Async.gatherAll null"),
                run.results().stream().map(r -> r.benchmark() + " " + r.param("model")).toList());
        for (BenchmarkResult r : run.results()) {
            assertEquals("on", r.param("gil"));
            assertEquals(List.of(2, 2), r.primary().rawData().stream().map(List::size).toList(), "rawData[process][call]");
            assertEquals("ms/op", r.primary().unit());
            assertJmhError(r.primary());
        }
        Environment env = run.environment().orElseThrow();
        assertEquals(Environment.FORMAT, env.format());
        assertEquals(files.get(1).getFileName().toString(), env.resultsFile());
        assertTrue(env.logicalCores() > 0 && !env.cpuModel().isBlank() && !env.os().isBlank());
        PythonInterpreter facts = env.python().get(0);
        assertEquals(List.of("CPython", true), List.of(facts.implementation(), facts.version().startsWith("3.")));

        StringWriter out = new StringWriter();
        int code = CompareCommand.run(new PrintWriter(out), new PrintWriter(new StringWriter()), files.get(1).toString(),
                files.get(1).toString());
        assertEquals(0, code, out.toString());
        Leaks.assertNoChildProcesses();
    }

    /** The score error JMH would write: the 99.9% Student-t half-width over every call. */
    private static void assertJmhError(Metric m) {
        double[] v = m.allIterations();
        double mean = Arrays.stream(v).average().orElseThrow();
        double sd = Math.sqrt(Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / (v.length - 1));
        double t = TDistribution.of(v.length - 1).inverseSurvivalProbability(0.0005);
        assertEquals(mean, m.score(), 1e-9 * mean);
        assertEquals(t * sd / Math.sqrt(v.length), m.scoreError(), 1e-6 * m.scoreError() + 1e-12);
    }

    @Test
    void aFreeThreadedBuildOnThePathJoinsAsTheSecondInterpreter() throws Exception {
        Path bin = dir.resolve("bin");
        Pythons.realIn(bin, "python3");
        // A pyenv shim of a version that is not installed, a build too old to be free-threaded, and one whose GIL is back on.
        Pythons.script(bin, "python3.13t", "echo 'pyenv: python3.13t: command not found' >&2; exit 127");
        Pythons.script(bin, "python3.12t", describe("3.12.0", true, false));
        Pythons.script(bin, "python3.15t", describe("3.15.0", true, true));
        Path good = Pythons.script(bin, "python3.14t", describe("3.14.0", true, false));
        try (Session session = Session.open()) {
            List<Interpreters.Python> found = Interpreters.find(List.of(), Pythons.path(bin), session);
            assertEquals(2, found.size());
            assertTrue(found.get(0).facts().gilEnabled());
            assertEquals(good, found.get(1).path());
            assertEquals("CPython 3.14.0, free-threaded, GIL off", found.get(1).facts().summary());
        }
    }

    @Test
    void givenTwiceTheyMustDifferInTheGil() throws Exception {
        Path bin = dir.resolve("bin");
        Path a = Pythons.realIn(bin, "python3");
        Path b = Pythons.realIn(bin, "python3-again");
        try (Session session = Session.open()) {
            PythonException e = assertThrows(PythonException.class,
                    () -> Interpreters.find(List.of(a.toString(), b.toString()), "", session));
            assertEquals(2, e.status());
            assertTrue(e.getMessage().contains("both run with the GIL on"), e.getMessage());
            Path free = Pythons.script(bin, "free", describe("3.14.0", true, false));
            assertEquals(List.of(a, free), Interpreters.find(List.of(a.toString(), free.toString()), "", session).stream()
                    .map(Interpreters.Python::path).toList());
        }
    }

    private static String describe(String version, boolean freeThreaded, boolean gil) {
        return "echo '{\"program\": \"concurrency-bench-notebook/1\", \"executable\": \"/opt/python" + version
                + "t\", \"implementation\": \"CPython\", \"version\": \"" + version + "\", \"freeThreaded\": " + freeThreaded
                + ", \"gilEnabled\": " + gil + ", \"startMethod\": \"forkserver\", \"cpus\": 2, \"benchmarks\": []}'";
    }
}
