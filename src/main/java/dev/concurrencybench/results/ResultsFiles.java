package dev.concurrencybench.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where results go and how they are named: {@code results/<UTC time>-<profile>-<what>.json}, e.g.
 * {@code results/20261127T001500Z-quick-all.json}. The time comes first in a fixed-width form, so
 * names sort by time; {@code what} is the benchmark selection ({@code all} when none was given).
 */
public final class ResultsFiles {

    /** The default folder, relative to where the jar is run. */
    public static final Path DEFAULT_DIR = Path.of("results");

    private static final String PYTHON_SUFFIX = "-python.json";

    /**
     * The verdicts of an {@code ab} run (its {@code --format json} table), written into the run's
     * folder beside {@code base.json} and {@code new.json}; not a results file.
     */
    public static final String AB_TABLE = "ab.json";

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private ResultsFiles() {
    }

    /** A moment as results/ names it, in UTC: e.g. {@code 20261128T103631Z}, so names sort by time. */
    public static String stamp(Instant time) {
        return STAMP.format(time);
    }

    /** A results file name for a run started at {@code time}. */
    public static String name(Instant time, String profile, List<String> selection) {
        String what = selection.isEmpty() ? "all" : String.join("+", selection);
        what = what.replaceAll("[^A-Za-z0-9._+-]+", "_");
        if (what.length() > 60) {
            what = what.substring(0, 60);
        }
        return stamp(time) + "-" + profile + "-" + what + ".json";
    }

    /**
     * The newest results file (by name, which sorts by time) in {@code dir}, ignoring sidecars. A run
     * of the jar writes the Python exercises' file just after its JMH file, so a Python file is
     * taken only from a folder that holds nothing else: {@code compare results/} then still means the
     * newest JMH run.
     */
    public static Optional<Path> newest(Path dir) throws IOException {
        List<Path> all = list(dir).toList();
        List<Path> jmh = all.stream().filter(p -> !isPython(p)).toList();
        return (jmh.isEmpty() ? all : jmh).stream().max(Comparator.comparing(p -> p.getFileName().toString()));
    }

    /** A results file of the notebook's Python exercises: {@code <UTC time>-python.json}. */
    public static String pythonName(Instant time) {
        return stamp(time) + PYTHON_SUFFIX;
    }

    /** Whether {@code file} is named as a results file of the Python exercises. */
    public static boolean isPython(Path file) {
        return file.getFileName().toString().endsWith(PYTHON_SUFFIX);
    }

    /** Every results file directly in {@code dir}, sidecars and an ab run's verdicts excluded; empty when dir is absent. */
    public static Stream<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Stream.empty();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json") && !Sidecar.isSidecar(p)
                            && !p.getFileName().toString().equals(AB_TABLE))
                    .filter(Files::isRegularFile).sorted().toList().stream();
        }
    }
}
