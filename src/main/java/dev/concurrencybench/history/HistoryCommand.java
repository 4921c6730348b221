package dev.concurrencybench.history;

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
 * {@code java -jar target/benchmarks.jar history add|check|report}: a store of {@code ab} results over
 * time, the change points in each row's series, and a dashboard. See docs/history.md.
 */
@Command(name = "history", sortOptions = false, usageHelpAutoWidth = true,
        subcommands = {HistoryCommand.Add.class, HistoryCommand.CheckCommand.class, HistoryCommand.Report.class},
        description = {"Regression tracking over time: each row's ratio against a fixed anchor build, run after run, in a store",
                "(add); change points in those series (check); a dashboard (report). Exit status 2 for bad input."})
public final class HistoryCommand implements Callable<Integer> {

    public static final int OK = 0;
    public static final int REGRESSION = 1;
    public static final int BAD_INPUT = CommandLines.BAD_INPUT;

    static final String DEFAULT_ALPHA = "0.01";
    static final String DEFAULT_MIN_EFFECT = "2";
    static final String DEFAULT_MIN_RUNS = "2";
    /** Simulated stretches per test: enough for p-values down to 0.001. */
    static final int SIMULATIONS = 999;

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
        return CommandLines.run(new CommandLine(new HistoryCommand()), out, err,
                e -> e instanceof HistoryException, args);
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return BAD_INPUT;
    }

    /** The options of the change-point search, shared by check and report. */
    static final class Detection {
        @Option(names = "--min-effect", paramLabel = "PERCENT", defaultValue = DEFAULT_MIN_EFFECT,
                description = "Smallest change between segments that counts as a regression (default: ${DEFAULT-VALUE}).")
        double minEffectPercent;

        @Option(names = "--alpha", defaultValue = DEFAULT_ALPHA,
                description = "Significance level of each split's test (default: ${DEFAULT-VALUE}).")
        double alpha;

        @Option(names = "--min-runs", paramLabel = "N", defaultValue = DEFAULT_MIN_RUNS,
                description = "Fewest runs in a segment: a change is named once this many runs show it (default: ${DEFAULT-VALUE}).")
        int minRuns;

        @Option(names = "--seed", defaultValue = "1", description = "Seed of the simulations behind each p-value (default: ${DEFAULT-VALUE}).")
        long seed;

        Check.Settings settings() {
            return new Check.Settings(new ChangePoints.Options(alpha, minRuns, SIMULATIONS, seed), minEffectPercent / 100);
        }
    }

    @Command(name = "add", sortOptions = false, usageHelpAutoWidth = true,
            description = {"Adds ab runs (their results/ab-<UTC>/ folders) to the store: one line per row per run. Adding a run",
                    "again changes nothing. The store is written whole or not at all; on bad input it is left as it was."})
    static final class Add implements Callable<Integer> {

        @Parameters(arity = "1..*", paramLabel = "RUN_DIR", description = "ab run folders, e.g. results/ab-20261204T224258Z.")
        List<Path> runs = new ArrayList<>();

        @Option(names = "--store", required = true, paramLabel = "DIR", description = "The store's folder (created if needed).")
        Path store;

        @Option(names = "--series", defaultValue = Entry.ANCHOR, paramLabel = "SERIES",
                description = {"anchor: the head against the anchor build (default); commits: each commit against the one",
                        "before, as the push gate measures it."})
        String series;

        @Option(names = "--link", description = {"These runs measured a new anchor (--new) against the old one (--base): they",
                "chain the series across the anchor's move rather than add points (docs/history.md)."})
        boolean link;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
        boolean help;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            if (!series.equals(Entry.ANCHOR) && !series.equals(Entry.COMMITS)) {
                throw new HistoryException("--series must be anchor or commits, got " + series);
            }
            if (link && !series.equals(Entry.ANCHOR)) {
                throw new HistoryException("--link chains the anchor series; the commit series chains itself");
            }
            // Everything is read and checked before the store is touched.
            List<Entry> adding = new ArrayList<>();
            for (Path run : runs) {
                adding.addAll(RunFolder.read(run, series, link ? Entry.LINK : Entry.POINT));
            }
            List<Entry> existing = Store.read(store);
            List<Entry> news = Store.news(existing, adding);
            if (!news.isEmpty()) {
                Store.append(store, news);
            }
            spec.commandLine().getOut().printf("history add: %d new lines from %d run%s (%d already in the store) in %s%n",
                    news.size(), runs.size(), runs.size() == 1 ? "" : "s", adding.size() - news.size(), Store.file(store));
            return OK;
        }
    }

    @Command(name = "check", sortOptions = false, usageHelpAutoWidth = true,
            description = {"Finds change points in each row's series of ratios against the anchor and lists them with their",
                    "date, commits, size and interval. Exit status: 1 when the newest segment of any row is slower than the",
                    "one before it by the minimum effect or more, 0 otherwise, 2 for bad input."})
    static final class CheckCommand implements Callable<Integer> {

        @Option(names = "--store", required = true, paramLabel = "DIR", description = "The store's folder.")
        Path store;

        @CommandLine.Mixin
        Detection detection = new Detection();

        @Option(names = "--format", defaultValue = "text", description = "text, markdown or json (default: ${DEFAULT-VALUE}).")
        String format;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here instead of standard output.")
        Path output;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
        boolean help;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            CheckFormat f = CheckFormat.parse(format);
            Check.Settings settings = detection.settings();
            Check check = Check.of(Store.readNonEmpty(store), settings);
            String rendered = f.render(check);
            if (output != null) {
                Files.writeString(output, rendered, StandardCharsets.UTF_8);
            } else {
                spec.commandLine().getOut().print(rendered);
            }
            return check.regression() ? REGRESSION : OK;
        }
    }

    @Command(name = "report", sortOptions = false, usageHelpAutoWidth = true,
            description = {"Draws the dashboard: a chart per row of its ratio against the anchor over time, with its interval,",
                    "change points and regressions in red; an index by lesson; the latest change points. index.html, PNG and",
                    "SVG, loading nothing from elsewhere. Exit status 0, or 2 for bad input."})
    static final class Report implements Callable<Integer> {

        @Option(names = "--store", required = true, paramLabel = "DIR", description = "The store's folder.")
        Path store;

        @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "Folder to write into (created if needed).")
        Path output;

        @CommandLine.Mixin
        Detection detection = new Detection();

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
        boolean help;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            Check.Settings settings = detection.settings();
            Check check = Check.of(Store.readNonEmpty(store), settings);
            if (Files.exists(output) && !Files.isDirectory(output)) {
                throw new HistoryException(output + ": exists and is not a folder");
            }
            int charts = Dashboard.write(check, output);
            spec.commandLine().getOut().printf("history report: %d charts for %d rows in %s%n", charts, check.rows(),
                    output.resolve(Dashboard.HTML));
            return OK;
        }
    }
}
