package dev.concurrencybench.results;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A results file read with its sidecar: the JMH rows and, when a sidecar exists, the environment.
 */
public record ResultsFile(Path path, List<BenchmarkResult> results, Optional<Environment> environment) {

    public ResultsFile {
        results = List.copyOf(results);
    }

    /** The file's name without its folder, e.g. {@code 20261127T001500Z-quick-all.json}: how reports name a run. */
    public String name() {
        return path.getFileName().toString();
    }

    /** Reads {@code path} and its sidecar, throwing {@link ResultsException} with one line on any problem. */
    public static ResultsFile read(Path path) {
        List<BenchmarkResult> rows = JmhJson.read(path);
        return new ResultsFile(path, rows, Sidecar.readFor(path));
    }
}
