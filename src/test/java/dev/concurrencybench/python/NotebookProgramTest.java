package dev.concurrencybench.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concurrencybench.bench.AsyncBenchmark;
import dev.concurrencybench.bench.CpuBoundBenchmark;
import dev.concurrencybench.bench.IoBoundBenchmark;
import dev.concurrencybench.model.NotebookTwins;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.annotations.Param;

/**
 * The Python program as the jar carries it: it unpacks whole, its own unit tests pass
 * (src/test/python), and what it declares agrees with the Java suite: the same twins, model names,
 * parameters and defaults.
 */
class NotebookProgramTest {

    @TempDir
    Path dir;

    @Test
    void theProgramUnpacksWholeWithoutCompiledFiles() throws IOException {
        Path entry = NotebookProgram.unpackInto(dir);
        assertEquals(dir.resolve(NotebookProgram.ENTRY), entry);
        try (Stream<Path> files = Files.walk(dir)) {
            List<String> names = files.filter(Files::isRegularFile).map(f -> dir.relativize(f).toString()).sorted().toList();
            assertEquals(List.of("concurrency_notebook/__init__.py", "concurrency_notebook/catalog.py",
                    "concurrency_notebook/cli.py", "concurrency_notebook/exercises.py", "concurrency_notebook/jmh_json.py",
                    "concurrency_notebook/measure.py", "notebook.py"), names);
        }
    }

    @Test
    void thePythonUnitTestsPass() throws Exception {
        Path python = Pythons.requireReal();
        ProcessBuilder pb = new ProcessBuilder(python.toString(), "-m", "unittest", "discover", "-s", "src/test/python")
                .redirectErrorStream(true);
        pb.environment().put("PYTHONPATH", Path.of("src/main/python").toAbsolutePath().toString());
        pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), out);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("OK"), out);
    }

    @Test
    void theProgramDeclaresTheJavaSuitesTwinsModelsAndDefaults() throws Exception {
        Pythons.requireReal();
        try (Session session = Session.open()) {
            Interpreters.Python python = Interpreters.find(List.of(), System.getenv("PATH"), session).get(0);
            List<Interpreters.Benchmark> benchmarks = python.benchmarks();
            assertEquals(PythonStage.TWINS, benchmarks.stream().map(Interpreters.Benchmark::twin).toList());
            for (Interpreters.Benchmark b : benchmarks) {
                assertEquals("python." + b.twin().replace("Benchmark.", "."), b.name(), "named after its Java twin");
                Map<String, List<String>> params = new LinkedHashMap<>(b.params());
                if (params.containsKey("model")) {
                    assertEquals(NotebookTwins.pythonNames(), params.remove("model"), b.name());
                }
                assertEquals(javaDefaults(b.twin()), params, b.name() + " has its twin's parameters and defaults");
            }
        }
    }

    /** The defaults of every non-enum @Param of the Java twin's state, by name. */
    private static Map<String, List<String>> javaDefaults(String twin) throws ClassNotFoundException {
        Class<?> state = switch (twin.substring(0, twin.indexOf('.'))) {
            case "CpuBoundBenchmark" -> CpuBoundBenchmark.Models.class;
            case "IoBoundBenchmark" -> IoBoundBenchmark.Models.class;
            case "AsyncBenchmark" -> AsyncBenchmark.Lessons.class;
            default -> throw new ClassNotFoundException(twin);
        };
        Map<String, List<String>> defaults = new LinkedHashMap<>();
        for (Field f : state.getDeclaredFields()) {
            Param p = f.getAnnotation(Param.class);
            if (p != null && !f.getType().isEnum()) {
                defaults.put(f.getName(), List.of(p.value()));
            }
        }
        return defaults;
    }
}
