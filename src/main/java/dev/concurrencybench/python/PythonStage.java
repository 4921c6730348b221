package dev.concurrencybench.python;

import dev.concurrencybench.model.ExecutionModel;
import dev.concurrencybench.model.NotebookTwins;
import dev.concurrencybench.results.JmhRun;
import dev.concurrencybench.results.RunProfile;
import dev.concurrencybench.util.Enums;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The end of a profile run of the jar: the Python twins of the benchmarks the run selected
 * (python.CpuBound.fibList for CpuBoundBenchmark.fibList, and so on) run on the same machine right
 * after JMH, so that the report can chart both languages from one run. Models, fib lists, task counts
 * and sleeps given with {@code -p} carry over, as do {@code -f}, {@code -wi} and {@code -i} typed on
 * the command line; the profile's own settings do not, as the Python rows have their own
 * ({@code python --profile}). Without a python3 on the PATH it says so in one line and the run
 * ends as it would have; {@code -Dconcurrencybench.python=false} leaves it out.
 */
public final class PythonStage {

    /** {@code -Dconcurrencybench.python=false} leaves the Python exercises out of a profile run. */
    public static final String PROPERTY = "concurrencybench.python";
    /** Where the Java twins live, as JMH names them. */
    static final String BENCH_PACKAGE = "dev.concurrencybench.bench.";
    /**
     * The Java benchmarks that have a Python twin, as the Python program declares them (NotebookProgramTest
     * keeps the two lists equal): with none of them selected, a run does not even look for Python.
     */
    static final List<String> TWINS = List.of("CpuBoundBenchmark.fibList", "IoBoundBenchmark.sleepTasks",
            "AsyncBenchmark.awaitOneAtATime", "AsyncBenchmark.gatherAll", "AsyncBenchmark.blockingSleepInEventLoop",
            "AsyncBenchmark.errorsFailFast", "AsyncBenchmark.errorsCollectAll");

    private PythonStage() {
    }

    /**
     * Runs the Python twins of what {@code args} (the jar's command line, after {@code --cpus}) selected.
     *
     * @return the jar's exit status: 0 also when there was nothing to run or no Python; else the failure's
     */
    public static int afterJmh(RunProfile profile, List<String> args, Path workDir, String pathEnv, PrintWriter out,
                               PrintWriter err) {
        if ("false".equalsIgnoreCase(System.getProperty(PROPERTY, "true"))) {
            return 0;
        }
        Selection selection = Selection.of(args);
        if (TWINS.stream().noneMatch(selection::selects)) {
            return 0;
        }
        try (Session session = PythonCommand.open()) {
            List<Interpreters.Python> pythons;
            try {
                pythons = Interpreters.find(List.of(), pathEnv, session);
            } catch (PythonException e) {
                out.println("concurrency-bench: " + e.getMessage() + ". The notebook's Python exercises did not run"
                        + " (docs/notebook.md).");
                return 0;
            }
            Optional<NotebookRun.Request> request = selection.request(profile, pythons.get(0).benchmarks());
            if (request.isEmpty()) {
                return 0;
            }
            out.println("# The notebook's exercises in Python, beside the Java results (docs/notebook.md)");
            NotebookRun.run(request.get(), session, pythons, workDir, Instant.now(), out);
            return 0;
        } catch (PythonException e) {
            err.println("concurrency-bench: the notebook's Python exercises failed: " + e.getMessage());
            return e.status();
        }
    }

    /** What the JMH command line selected, and the settings typed on it that Python takes too. */
    record Selection(List<Pattern> includes, List<Pattern> excludes, Map<String, String> counts, List<String> params) {

        static Selection of(List<String> args) {
            List<String> rest = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                if (args.get(i).equals("--profile")) {
                    i++;
                } else if (!args.get(i).startsWith("--profile=")) {
                    rest.add(args.get(i));
                }
            }
            Map<String, String> counts = new LinkedHashMap<>();
            List<String> params = new ArrayList<>();
            List<Pattern> excludes = new ArrayList<>();
            for (int i = 0; i + 1 < rest.size(); i++) {
                String a = rest.get(i);
                if (List.of("-f", "-wi", "-i").contains(a)) {
                    counts.put(a, rest.get(++i));
                } else if (a.equals("-p")) {
                    params.add(rest.get(++i));
                } else if (a.equals("-e")) {
                    excludes.add(pattern(rest.get(++i)));
                }
            }
            rest.stream().filter(a -> a.startsWith("-p") && a.contains("=") && !a.startsWith("-prof"))
                    .forEach(a -> params.add(a.substring(2)));
            return new Selection(JmhRun.selection(rest).stream().map(Selection::pattern).toList(), excludes, counts, params);
        }

        /** Whether JMH ran {@code twin} ({@code Class.method}), as its own include and exclude patterns decide. */
        boolean selects(String twin) {
            String name = BENCH_PACKAGE + twin;
            return (includes.isEmpty() || includes.stream().anyMatch(p -> p.matcher(name).find()))
                    && excludes.stream().noneMatch(p -> p.matcher(name).find());
        }

        /** The Python run for the selected twins; empty when no Python benchmark is left to run. */
        Optional<NotebookRun.Request> request(RunProfile profile, List<Interpreters.Benchmark> benchmarks) {
            List<String> models = models();
            List<Interpreters.Benchmark> chosen = benchmarks.stream().filter(b -> selects(b.twin()))
                    .filter(b -> models == null || !models.isEmpty() || !b.params().containsKey("model")).toList();
            if (chosen.isEmpty()) {
                return Optional.empty();
            }
            List<String> pythonParams = new ArrayList<>();
            if (models != null && !models.isEmpty()) {
                pythonParams.add("model=" + String.join(",", models));
            }
            for (String p : params) {
                String name = p.substring(0, Math.max(0, p.indexOf('=')));
                if (!name.equals("model") && chosen.stream().anyMatch(b -> b.params().containsKey(name))) {
                    pythonParams.add(p);
                }
            }
            List<String> patterns = chosen.stream().map(b -> "^" + b.name().replace(".", "\\.") + "$").toList();
            return Optional.of(new NotebookRun.Request(List.of(), profile, count("-f"), count("-wi"), count("-i"),
                    pythonParams, patterns));
        }

        /** The Python twins of the models given with {@code -p model=...}; null when none was given. */
        private List<String> models() {
            List<String> models = null;
            for (String p : params) {
                if (p.startsWith("model=")) {
                    models = new ArrayList<>();
                    for (String m : p.substring("model=".length()).split(",")) {
                        NotebookTwins.python(Enums.parse(ExecutionModel.class, "model", m)).ifPresent(models::add);
                    }
                }
            }
            return models;
        }

        private Integer count(String option) {
            String v = counts.get(option);
            return v == null ? null : Integer.valueOf(v.strip());
        }

        /** JMH has already run with these patterns, so they compile. */
        private static Pattern pattern(String regex) {
            return Pattern.compile(regex);
        }
    }
}
