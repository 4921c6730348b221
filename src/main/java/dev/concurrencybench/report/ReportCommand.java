package dev.concurrencybench.report;

import dev.concurrencybench.results.ResultsException;
import dev.concurrencybench.results.ResultsFile;
import dev.concurrencybench.results.ResultsFiles;
import dev.concurrencybench.results.Sidecar;
import dev.concurrencybench.util.CommandLines;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code java -jar target/benchmarks.jar report RESULTS... [-o DIR]}: charts (PNG and SVG),
 * {@code index.html} and {@code report.md} for one or more results files. Exit status 0, or 2 with
 * one line on stderr for bad input.
 */
@Command(name = "report", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Draws JMH JSON results against their ideal: a PNG and an SVG per chart, index.html and report.md.",
                "Give files oldest first (results/ names sort by time); a directory stands for every results file in it.",
                "With two or more files each benchmark also gets a trend chart. Exit status: 0, or 2 for bad input."})
public final class ReportCommand implements Callable<Integer> {

    public static final int OK = 0;
    public static final int BAD_INPUT = CommandLines.BAD_INPUT;

    @Parameters(arity = "1..*", paramLabel = "RESULTS", description = "JMH JSON results files or directories, oldest first.")
    List<Path> inputs = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "Folder to write into (created if needed; default: <newest file's name>-report beside it).")
    Path output;

    @Option(names = "--cores", paramLabel = "N",
            description = "Logical cores to assume for runs without an environment sidecar (default: "
                    + ChartPlanner.FALLBACK_CORES + ", with a note in the report).")
    Integer cores;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the command line and returns the exit status; never throws. */
    public static int run(String... args) {
        return run(CommandLines.stdout(), CommandLines.stderr(), args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        // Charts are drawn off screen; no display is needed or wanted.
        System.setProperty("java.awt.headless", "true");
        return CommandLines.run(new CommandLine(new ReportCommand()), out, err,
                e -> e instanceof ResultsException || e instanceof IllegalArgumentException || e instanceof ReportException, args);
    }

    @Override
    public Integer call() {
        if (cores != null && cores <= 0) {
            throw new IllegalArgumentException("--cores must be > 0, got " + cores);
        }
        List<Path> files = expand(inputs);
        List<ResultsFile> runs = new ArrayList<>();
        for (Path file : files) {
            runs.add(ResultsFile.read(file));
        }
        runs = inTimeOrder(runs);
        Path dir = output != null ? output : defaultDir(files.get(files.size() - 1));
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new ReportException(dir + ": exists and is not a directory");
        }
        List<Path> written;
        try {
            written = Report.write(runs, dir, cores);
        } catch (IOException e) {
            throw new ReportException(dir + ": cannot write the report: " + describe(e));
        }
        long charts = written.stream().filter(p -> p.getFileName().toString().endsWith(".png")).count();
        spec.commandLine().getOut().println("report: " + charts + " charts from " + runs.size() + " results file"
                + (runs.size() == 1 ? "" : "s") + " in " + dir.resolve(Report.HTML) + " and " + dir.resolve(Report.MARKDOWN));
        return OK;
    }

    /**
     * Files as given; a directory becomes its results files in name order, which is time order. A
     * sidecar named with its results file (as {@code results/*} names both) is read with that file,
     * so it is passed over here rather than taken for a results file.
     */
    static List<Path> expand(List<Path> inputs) {
        List<Path> files = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                List<Path> inDir;
                try {
                    inDir = ResultsFiles.list(p).toList();
                } catch (IOException e) {
                    throw new ReportException(p + ": cannot list: " + describe(e));
                }
                if (inDir.isEmpty()) {
                    throw new ReportException(p + ": no results file in this directory");
                }
                files.addAll(inDir);
            } else if (!(Sidecar.isSidecar(p) && inputs.contains(Sidecar.resultsFor(p)))) {
                files.add(p);
            }
        }
        return files;
    }

    /**
     * Sorted by the sidecars' start times when every run has one (ISO-8601 UTC sorts as text);
     * otherwise in the order given, which for this suite's file names is time order too.
     */
    static List<ResultsFile> inTimeOrder(List<ResultsFile> runs) {
        if (runs.stream().allMatch(r -> Runs.time(r) != null)) {
            return runs.stream().sorted(Comparator.comparing(Runs::time)).toList();
        }
        return runs;
    }

    static Path defaultDir(Path newest) {
        String name = newest.getFileName().toString();
        String stem = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        Path parent = newest.toAbsolutePath().getParent();
        return parent.resolve(stem + "-report");
    }

    private static String describe(IOException e) {
        String what = e.getClass().getSimpleName().replace("Exception", "");
        return e.getMessage() == null ? what : what + " " + e.getMessage();
    }

    /** Bad input found by the report itself; the message is one line. */
    static final class ReportException extends RuntimeException {
        ReportException(String message) {
            super(message);
        }
    }
}
