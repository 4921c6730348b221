package dev.concurrencybench.compare;

import dev.concurrencybench.results.ResultsException;
import dev.concurrencybench.results.ResultsFile;
import dev.concurrencybench.results.ResultsFiles;
import dev.concurrencybench.util.CommandLines;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code java -jar target/benchmarks.jar compare BASE NEW} or {@code compare --base A... --new B...}.
 * Exit status: 0 no significant regression, 1 at least one, 2 bad input (one line on stderr).
 */
@Command(name = "compare", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Compares JMH JSON results: per row the ratio new/base with a bootstrap interval, a Welch test on",
                "fork means (forks are the unit of replication), Holm-Bonferroni across rows and a minimum effect.",
                "A directory stands for the newest results file in it.",
                "Exit status: 0 no significant regression, 1 a significant regression, 2 bad input."})
public final class CompareCommand implements Callable<Integer> {

    public static final int OK = 0;
    public static final int REGRESSION = 1;
    public static final int BAD_INPUT = CommandLines.BAD_INPUT;

    @Parameters(arity = "0..2", paramLabel = "FILE", description = "BASE and NEW results files (or use --base/--new).")
    List<Path> positional = new ArrayList<>();

    @Option(names = "--base", arity = "1..*", paramLabel = "FILE", description = "Base results files; merged fork by fork.")
    List<Path> base = new ArrayList<>();

    @Option(names = "--new", arity = "1..*", paramLabel = "FILE", description = "New results files; merged fork by fork.")
    List<Path> next = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, markdown, csv or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the table here instead of standard output.")
    Path output;

    @Option(names = "--alpha", defaultValue = "0.05", description = "Family-wise significance level (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--min-effect", defaultValue = "5", paramLabel = "PERCENT",
            description = "Smallest change reported, in percent (default: ${DEFAULT-VALUE}).")
    double minEffectPercent;

    @Option(names = "--min-forks", defaultValue = "3",
            description = "Fewer forks per side makes a row inconclusive (default: ${DEFAULT-VALUE}).")
    int minForks;

    @Option(names = "--seed", defaultValue = "20261127", description = "Bootstrap seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--bootstrap", defaultValue = "1000", paramLabel = "N",
            description = "Bootstrap replicates per row (default: ${DEFAULT-VALUE}).")
    int replicates;

    @Option(names = "--no-secondary", description = "Do not compare secondary metrics (e.g. from -prof gc).")
    boolean noSecondary;

    @Option(names = "--all-metrics",
            description = "Text format: list the secondary metrics in a second table, by row, instead of counting them "
                    + "(markdown, csv and json always list them).")
    boolean allMetrics;

    @Option(names = "--fail-on-env-diff",
            description = "Exit 2 when CPU, cores, JDK or JVM flags differ between the sides (differing core checks only warn).")
    boolean failOnEnvDiff;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    /** Runs the command line and returns the exit status; never throws. */
    public static int run(String... args) {
        return run(CommandLines.stdout(), CommandLines.stderr(), args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return CommandLines.run(new CommandLine(new CompareCommand()), out, err,
                e -> e instanceof ResultsException || e instanceof IllegalArgumentException, args);
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!positional.isEmpty() && (!base.isEmpty() || !next.isEmpty())) {
            throw new IllegalArgumentException("give BASE NEW or --base/--new, not both");
        }
        if (!positional.isEmpty()) {
            if (positional.size() != 2) {
                throw new IllegalArgumentException("need two files, BASE and NEW; got " + positional.size());
            }
            base = List.of(positional.get(0));
            next = List.of(positional.get(1));
        }
        if (base.isEmpty() || next.isEmpty()) {
            throw new IllegalArgumentException("need base and new results: compare BASE NEW, or --base A... --new B...");
        }
        Format f = Format.parse(format);
        CompareOptions options = new CompareOptions(alpha, minEffectPercent / 100, minForks, seed, replicates, !noSecondary);
        Comparison c = new Comparer(options).compare(read(base), read(next));
        if (failOnEnvDiff) {
            c.warnings().stream().filter(w -> w.startsWith(Comparer.ENVIRONMENT_DIFFERS)).findFirst().ifPresent(w -> {
                throw new IllegalArgumentException(w + " (and --fail-on-env-diff is set)");
            });
        }
        String rendered = f.render(c, allMetrics);
        if (output != null) {
            Files.writeString(output, rendered, StandardCharsets.UTF_8);
        } else {
            out.print(rendered);
        }
        // Whatever the format, warnings belong where a human or CI log sees them.
        if (f == Format.CSV || f == Format.JSON || output != null) {
            c.warnings().forEach(w -> err.println("compare: warning: " + w));
        }
        out.flush();
        return c.hasRegression() ? REGRESSION : OK;
    }

    private static List<ResultsFile> read(List<Path> paths) throws IOException {
        List<ResultsFile> files = new ArrayList<>();
        for (Path p : paths) {
            Path file = p;
            if (Files.isDirectory(p)) {
                file = ResultsFiles.newest(p).orElseThrow(() -> new ResultsException(p + ": no results file in this directory"));
            }
            files.add(ResultsFile.read(file));
        }
        return files;
    }
}
