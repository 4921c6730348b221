package dev.concurrencybench.python;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concurrencybench.results.PythonInterpreter;
import dev.concurrencybench.util.CommandLines;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the Python interpreters to run: those given with {@code --python} (one, or two: one with
 * the GIL and one without), else {@code python3} on the PATH, joined by the newest free-threaded
 * {@code python3.Nt} (N >= 13) on the PATH that really runs without the GIL. Each is asked to
 * describe itself by the program ({@code notebook.py --describe}), which is also how an unusable one
 * (too old, broken, not Python) is told apart.
 */
final class Interpreters {

    static final String DEFAULT = "python3";
    static final Pattern FREE_THREADED = Pattern.compile("python3\\.(\\d+)t");
    static final int FIRST_FREE_THREADED = 13;
    /** How long an interpreter may take to describe itself. */
    static final long PROBE_SECONDS = 60;

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * An interpreter that can run the program.
     *
     * @param benchmarks each benchmark's name, its Java twin and its parameters' default values
     */
    record Python(Path path, PythonInterpreter facts, List<Benchmark> benchmarks) {
    }

    /** One Python benchmark as the program declares it. */
    record Benchmark(String name, String twin, Map<String, List<String>> params) {
    }

    private Interpreters() {
    }

    /**
     * The interpreters to run, in order.
     *
     * @param given   the {@code --python} values (names on the PATH or paths); empty to look for them
     * @param pathEnv the PATH to look in
     */
    static List<Python> find(List<String> given, String pathEnv, Session session) throws PythonException {
        if (given.size() > 2) {
            throw new PythonException(CommandLines.BAD_INPUT, "--python may be given at most twice (one interpreter with the"
                    + " GIL, one without), got " + given.size());
        }
        List<Python> found = new ArrayList<>();
        for (String g : given) {
            Path path = resolve(g, pathEnv).orElseThrow(() -> new PythonException(CommandLines.BAD_INPUT,
                    "--python " + g + ": no such executable" + (g.contains("/") ? "" : " on the PATH (" + pathEnv + ")")));
            found.add(probe(path, session).orElseThrow(why -> new PythonException(CommandLines.BAD_INPUT, "--python " + g + ": " + why)));
        }
        if (given.isEmpty()) {
            Path path = resolve(DEFAULT, pathEnv).orElseThrow(() -> new PythonException(CommandLines.BAD_INPUT,
                    "no usable Python: looked for " + DEFAULT + " on the PATH (" + pathEnv + "); install Python 3.9 or newer,"
                            + " or give --python PATH"));
            Python python = probe(path, session).orElseThrow(why -> new PythonException(CommandLines.BAD_INPUT,
                    "no usable Python: " + DEFAULT + " at " + path + ": " + why));
            found.add(python);
            if (python.facts().gilEnabled()) {
                freeThreaded(pathEnv, session).ifPresent(found::add);
            }
        }
        if (found.size() == 2 && found.get(0).facts().gilEnabled() == found.get(1).facts().gilEnabled()) {
            throw new PythonException(CommandLines.BAD_INPUT, "--python given twice must name one interpreter with the GIL"
                    + " and one without (a free-threaded build), but both run with the GIL " + (found.get(0).facts().gilEnabled()
                    ? "on" : "off") + ": " + found.get(0).path() + ", " + found.get(1).path());
        }
        return found;
    }

    /** The newest free-threaded python3.Nt on the PATH that runs without the GIL; empty when there is none. */
    static Optional<Python> freeThreaded(String pathEnv, Session session) throws PythonException {
        List<Path> candidates = new ArrayList<>();
        for (Path dir : dirs(pathEnv)) {
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(f -> version(f) >= FIRST_FREE_THREADED && Files.isExecutable(f)).forEach(candidates::add);
            } catch (IOException | SecurityException e) {
                // A PATH entry that cannot be listed has nothing to offer.
            }
        }
        // Newest first; for one version, the PATH's order, as a shell would pick.
        candidates.sort(Comparator.comparingInt(Interpreters::version).reversed());
        for (Path c : candidates) {
            Optional<Python> python = probe(c, session).usable();
            if (python.isPresent() && python.get().facts().freeThreaded() && !python.get().facts().gilEnabled()) {
                return python;
            }
        }
        return Optional.empty();
    }

    private static int version(Path f) {
        Matcher m = FREE_THREADED.matcher(f.getFileName().toString());
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** {@code name} itself when it has a slash, else the first executable of that name on the PATH. */
    static Optional<Path> resolve(String name, String pathEnv) {
        if (name.contains("/")) {
            Path p = Path.of(name);
            return Files.isRegularFile(p) && Files.isExecutable(p) ? Optional.of(p.toAbsolutePath()) : Optional.empty();
        }
        return dirs(pathEnv).stream().map(d -> d.resolve(name)).filter(p -> Files.isRegularFile(p) && Files.isExecutable(p))
                .findFirst();
    }

    private static List<Path> dirs(String pathEnv) {
        List<Path> dirs = new ArrayList<>();
        for (String d : (pathEnv == null ? "" : pathEnv).split(File.pathSeparator)) {
            if (!d.isBlank()) {
                dirs.add(Path.of(d));
            }
        }
        return dirs;
    }

    /** What the program says about {@code path}, or why it cannot run there (one line). */
    static Probe probe(Path path, Session session) throws PythonException {
        Path out = session.file("describe-" + System.nanoTime() + ".json");
        Path err = session.file("describe-" + System.nanoTime() + ".err");
        try {
            Process p = session.start(new ProcessBuilder(path.toString(), session.entry().toString(), "--describe")
                    .redirectOutput(out.toFile()).redirectError(err.toFile()));
            p.getOutputStream().close();
            if (!p.waitFor(PROBE_SECONDS, TimeUnit.SECONDS)) {
                ProcessTree.kill(p.toHandle(), Session.KILL_BOUND);
                session.await(p);
                return Probe.unusable("did not describe itself within " + PROBE_SECONDS + " s");
            }
            int status = session.await(p);
            if (status != 0) {
                return Probe.unusable(lastLine(err).map(l -> l.replaceFirst("^notebook\\.py: ", ""))
                        .orElse("exit status " + status + " when asked to describe itself"));
            }
            return parse(path, Files.readString(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Probe.unusable("cannot run it: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PythonException(1, "interrupted");
        }
    }

    static Probe parse(Path path, String describe) {
        try {
            JsonNode d = JSON.readTree(describe.strip().lines().reduce((a, b) -> b).orElse(""));
            if (d == null || !"concurrency-bench-notebook/1".equals(d.path("program").asText())) {
                return Probe.unusable("did not describe itself as the notebook's program does");
            }
            PythonInterpreter facts = new PythonInterpreter(d.path("executable").asText(path.toString()), d.path("implementation").asText(),
                    d.path("version").asText(), d.path("freeThreaded").asBoolean(), d.path("gilEnabled").asBoolean(true),
                    d.path("startMethod").asText(), d.path("cpus").asInt());
            List<Benchmark> benchmarks = new ArrayList<>();
            for (JsonNode b : d.path("benchmarks")) {
                Map<String, List<String>> params = new LinkedHashMap<>();
                b.path("params").fields().forEachRemaining(e -> {
                    List<String> values = new ArrayList<>();
                    e.getValue().forEach(v -> values.add(v.asText()));
                    params.put(e.getKey(), List.copyOf(values));
                });
                benchmarks.add(new Benchmark(b.path("name").asText(), b.path("twin").asText(), params));
            }
            return new Probe(new Python(path, facts, List.copyOf(benchmarks)), null);
        } catch (JacksonException e) {
            return Probe.unusable("did not describe itself in JSON");
        }
    }

    static Optional<String> lastLine(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).reduce((a, b) -> b)
                .map(String::strip);
    }

    /** A usable interpreter, or why not. */
    record Probe(Python python, String whyNot) {

        static Probe unusable(String why) {
            return new Probe(null, why);
        }

        <X extends Throwable> Python orElseThrow(Function<String, X> error) throws X {
            if (python == null) {
                throw error.apply(whyNot);
            }
            return python;
        }

        Optional<Python> usable() {
            return Optional.ofNullable(python);
        }
    }
}
