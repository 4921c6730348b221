package dev.concurrencybench.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.concurrencybench.results.Environment;
import dev.concurrencybench.results.JmhJson;
import dev.concurrencybench.results.ResultsException;
import dev.concurrencybench.results.ResultsFiles;
import dev.concurrencybench.results.RunProfile;
import dev.concurrencybench.results.Sidecar;
import dev.concurrencybench.util.AtomicFiles;
import dev.concurrencybench.util.CommandLines;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One run of the notebook's Python program: on each interpreter in turn, into a partial file of
 * the session, then every row in one results file, {@code results/<UTC time>-python.json}, with its
 * sidecar. Either file is written whole or not at all, and an interrupted run writes neither.
 */
final class NotebookRun {

    /**
     * What to run.
     *
     * @param pythons    the {@code --python} values; empty to look for {@code python3} and a free-threaded build
     * @param forks      processes per row; null for the profile's
     * @param warmups    warm-up calls per process; null for the profile's
     * @param iterations measured calls per process; null for the profile's
     * @param params     {@code NAME=V1,V2} values, as the program's {@code -p} takes them
     * @param patterns   regular expressions over the Python benchmarks' names; empty for all
     */
    record Request(List<String> pythons, RunProfile profile, Integer forks, Integer warmups, Integer iterations,
                   List<String> params, List<String> patterns) {

        Request {
            pythons = List.copyOf(pythons);
            params = List.copyOf(params);
            patterns = List.copyOf(patterns);
        }

        /** The program's command line for this request, without its output file. */
        List<String> arguments() {
            List<String> args = new ArrayList<>(List.of("--profile", profile.label()));
            option(args, "-f", forks);
            option(args, "-wi", warmups);
            option(args, "-i", iterations);
            params.forEach(p -> args.addAll(List.of("-p", p)));
            args.addAll(patterns);
            return args;
        }

        private static void option(List<String> args, String name, Integer value) {
            if (value != null) {
                args.addAll(List.of(name, value.toString()));
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private NotebookRun() {
    }

    /** Runs the request on the interpreters found; returns the results file written. */
    static Path run(Request request, Session session, List<Interpreters.Python> pythons, Path workDir, Instant now,
                    PrintWriter out) throws PythonException {
        long start = System.nanoTime();
        Path dir = workDir.resolve(ResultsFiles.DEFAULT_DIR);
        Path results = dir.resolve(ResultsFiles.pythonName(now));
        ArrayNode rows = JSON.createArrayNode();
        for (int i = 0; i < pythons.size(); i++) {
            Interpreters.Python python = pythons.get(i);
            out.println("# Python: " + python.path() + " (" + python.facts().summary() + ")");
            Path part = session.file("part-" + i + ".json");
            List<String> command = new ArrayList<>(List.of(python.path().toString(), session.entry().toString()));
            command.addAll(request.arguments());
            command.addAll(List.of("-o", part.toString()));
            runProgram(python, command, session, session.file("stderr-" + i + ".txt"), workDir);
            rows.addAll(readRows(part));
        }
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(rows);
            JmhJson.parse(results.getFileName().toString(), new String(json, StandardCharsets.UTF_8));
        } catch (IOException | ResultsException e) {
            throw new PythonException(1, "the Python program wrote results that compare and report cannot read: " + e.getMessage());
        }
        Environment env = Sidecar.capture(results.getFileName().toString(), request.profile().label(), request.arguments(), workDir)
                .withPython(pythons.stream().map(Interpreters.Python::facts).toList());
        try {
            Files.createDirectories(dir);
            // The sidecar first: a run stopped between the two leaves results without a sidecar, which still read.
            session.write(() -> {
                Sidecar.write(results, env);
                AtomicFiles.write(results, json);
            });
        } catch (IOException e) {
            throw new PythonException(1, "cannot write " + results + ": " + e.getMessage());
        }
        out.println("Python results written to " + results + ", environment recorded in " + Sidecar.pathFor(results)
                + String.format(Locale.ROOT, " (%.0f s)", (System.nanoTime() - start) / 1e9));
        return results;
    }

    /** Lists the benchmarks the request selects, with the program's own {@code -l}. */
    static void list(Request request, Session session, Interpreters.Python python, Path workDir) throws PythonException {
        List<String> command = new ArrayList<>(List.of(python.path().toString(), session.entry().toString(), "-l"));
        command.addAll(request.patterns());
        runProgram(python, command, session, session.file("stderr-list.txt"), workDir);
    }

    private static void runProgram(Interpreters.Python python, List<String> command, Session session, Path stderr, Path workDir)
            throws PythonException {
        int status;
        try {
            Process p = session.start(new ProcessBuilder(command).directory(workDir.toAbsolutePath().toFile())
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT).redirectError(stderr.toFile()));
            p.getOutputStream().close();
            status = session.await(p);
        } catch (IOException e) {
            throw new PythonException(1, "cannot run " + python.path() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PythonException(1, "interrupted");
        }
        if (status != 0) {
            Optional<String> why = Optional.empty();
            try {
                why = Interpreters.lastLine(stderr).map(l -> l.replaceFirst("^notebook\\.py: ", ""));
            } catch (IOException e) {
                // No stderr to quote; the status says enough.
            }
            if (status == CommandLines.BAD_INPUT) {
                throw new PythonException(CommandLines.BAD_INPUT, why.orElse("bad input (exit status 2)"));
            }
            throw new PythonException(1, python.path() + " failed with exit status " + status + why.map(w -> ": " + w).orElse(""));
        }
    }

    private static List<JsonNode> readRows(Path part) throws PythonException {
        try {
            JsonNode node = JSON.readTree(part.toFile());
            if (node == null || !node.isArray()) {
                throw new PythonException(1, "the Python program wrote no list of results");
            }
            List<JsonNode> rows = new ArrayList<>();
            node.forEach(rows::add);
            return rows;
        } catch (IOException e) {
            throw new PythonException(1, "the Python program's results cannot be read: " + e.getMessage());
        }
    }
}
