package dev.concurrencybench.ab;

import dev.concurrencybench.bench.JarBenchmarkList;
import dev.concurrencybench.bench.Params;
import dev.concurrencybench.compare.Comparison;
import dev.concurrencybench.compare.Format;
import dev.concurrencybench.compare.PairedStats;
import dev.concurrencybench.machine.Affinity;
import dev.concurrencybench.machine.CoreCheck;
import dev.concurrencybench.machine.CpuList;
import dev.concurrencybench.machine.PinnedRun;
import dev.concurrencybench.machine.RunCheck;
import dev.concurrencybench.results.ResultsFiles;
import dev.concurrencybench.util.AtomicFiles;
import dev.concurrencybench.util.CommandLines;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * {@code java -jar target/benchmarks.jar ab --base BASE.jar [--new NEW.jar] [options] [JMH args]}:
 * the same-machine A/B comparison of two sides, each a jar, a java and JVM flags: two builds of this
 * suite, two JDKs or two sets of flags. See docs/regression-gate.md and docs/jdk-and-flags.md.
 * Exit status: 0 no regression, 1 a regression beyond the minimum effect, 2 bad input (one line).
 */
@Command(name = "ab", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Measures two sides on this machine, interleaved: two builds, two javas (--base-java, --new-java) or",
                "two sets of fork flags (--base-jvm-args, --new-jvm-args). Per row, pairs of one base fork and one new fork",
                "back to back in random order, a pilot of two pairs per row and then two plans; the verdict per row comes",
                "from the pairs' log ratios (10%% trimmed mean, variances moderated across alike rows, Holm across rows,",
                "a minimum effect). JMH args (benchmark patterns, -e, -p, -jvmArgs, -wi/-i/-w/-r) select what is",
                "compared. Exit status: 0 no regression, 1 a regression, 2 bad input."})
public final class AbCommand implements Callable<Integer> {

    public static final int OK = 0;
    public static final int REGRESSION = 1;
    public static final int BAD_INPUT = CommandLines.BAD_INPUT;
    /** Fits the whole default suite, both builds included, in a 20-minute CI job on two cores. */
    static final String DEFAULT_BUDGET = "15m";
    static final double DEFAULT_MIN_EFFECT = 5;
    /** {@code --deep}: a scheduled run's preset, long enough to bring the fib-list rows to a 5% minimum detectable effect. */
    static final String DEEP_BUDGET = "55m";
    static final double DEEP_MIN_EFFECT = 2;
    static final double DEEP_DETECT = 5;


    @Option(names = "--base", paramLabel = "JAR", description = {"The base build's benchmarks jar (default: the jar running",
            "this, when a --base-java, --new-java, --base-jvm-args or --new-jvm-args is given)."})
    Path base;

    @Option(names = "--new", paramLabel = "JAR", description = "The new build's jar (default: the jar running this).")
    Path next;

    @Option(names = "--base-java", paramLabel = "DIR",
            description = "The JDK or JRE home whose java runs the base side's JMH calls and forks (default: this java).")
    Path baseJava;

    @Option(names = "--new-java", paramLabel = "DIR", description = "The same for the new side (default: this java).")
    Path newJava;

    @Option(names = "--base-jvm-args", paramLabel = "FLAGS",
            description = "JVM flags added to every fork of the base side, in one argument, e.g. \"-XX:+UseSerialGC -Xmx1g\".")
    String baseJvmArgs;

    @Option(names = "--new-jvm-args", paramLabel = "FLAGS", description = "The same for the new side.")
    String newJvmArgs;

    @Option(names = "--budget", paramLabel = "DURATION",
            description = "Measuring time, e.g. 15m, 90s, 1h30m (default: " + DEFAULT_BUDGET + "; " + DEEP_BUDGET
                    + " with --deep).")
    String budget;

    @Option(names = "--min-effect", paramLabel = "PERCENT",
            description = "Smallest change that counts, in percent (default: 5; 2 with --deep).")
    Double minEffectPercent;

    @Option(names = "--detect", paramLabel = "PERCENT",
            description = {"The change the plan aims to flag, in percent: pairs go where they raise the chance of",
                    "flagging it the most (default: twice the minimum effect; with --deep at least 5)."})
    Double detectPercent;

    @Option(names = "--deep", description = {"A preset for scheduled runs: --budget " + DEEP_BUDGET + " --min-effect 2 --detect 5,",
            "so the fib-list rows can reach a 5%% minimum detectable effect. Explicit options override it."})
    boolean deep;

    @Option(names = "--alpha", defaultValue = "0.05", description = "Family-wise significance level (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--part", paramLabel = "K/N",
            description = {"Measure part K of N of the rows in common, dealt in turn (the i-th row to part i mod N + 1),",
                    "so N runners share one gate and each row gets about N times the forks; give each part its share",
                    "of --alpha (default: every row)."})
    String part;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, markdown, csv or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the table here instead of standard output.")
    Path output;

    @Option(names = "--seed", description = "Seed of the row and fork order (default: from the clock; printed).")
    Long seed;

    @Option(names = "--results", paramLabel = "DIR", defaultValue = "results",
            description = "Where the run's folder ab-<UTC>/ goes (default: ${DEFAULT-VALUE}).")
    Path resultsDir;

    @Option(names = PinnedRun.OPTION, paramLabel = "LIST",
            description = "Run every JMH call of both sides on these CPUs, e.g. 0, 0-3, 0,2 (default: unpinned).")
    String cpus;

    @Option(names = "--control", arity = "0..1", paramLabel = "SHARE", fallbackValue = "" + Controls.DEFAULT_SHARE,
            preprocessor = OptionalShare.class,
            description = {"Also run rows base against base, about SHARE of all pairs (0 to 0.5; default when given without",
                    "SHARE: ${FALLBACK-VALUE}), judged by the same rule but kept out of the verdicts: a smoke test whose",
                    "p-values are reported (default: no control rows)."})
    Double control;

    @Option(names = "--no-cds", description = "Do not give the JVMs an AppCDS archive per jar (it cuts their start-up).")
    boolean noCds;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Unmatched
    List<String> jmhArgs = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the command line and returns the exit status; never throws. */
    public static int run(String... args) {
        return run(CommandLines.stdout(), CommandLines.stderr(), args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new AbCommand());
        // JMH's own options (-p, -wi, ...) are left to JmhSelection, which names the ones ab refuses.
        cl.setUnmatchedOptionsArePositionalParams(true);
        return CommandLines.run(cl, out, err, e -> e instanceof AbException || e instanceof IllegalArgumentException, args);
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Format f = Format.parse(format);
        Preset p = Preset.of(deep, budget, minEffectPercent, detectPercent);
        double minEffectPct = p.minEffectPercent();
        double detectPct = p.detectPercent();
        Duration time = p.budget();
        if (!(alpha > 0 && alpha < 1)) {
            throw new AbException("--alpha must be between 0 and 1, got " + alpha);
        }
        if (control != null) {
            Controls.check(control);
        }
        Part share = Part.parse(part);
        CpuList cpuList = cpus == null ? null : PinnedRun.parseCpus(cpus);
        boolean sideOptions = baseJava != null || newJava != null || baseJvmArgs != null || newJvmArgs != null;
        if (base == null && !sideOptions) {
            throw new AbException("--base JAR is needed, unless --base-java, --new-java, --base-jvm-args or --new-jvm-args"
                    + " is given (then the jar running ab is the default on both sides)");
        }
        Path newJar = next != null ? next : runningJar("--new");
        Path baseJar = base != null ? base : runningJar("--base");
        JmhSelection selection = JmhSelection.parse(jmhArgs);
        try {
            Params.check(selection.paramArgs().toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            throw new AbException(e.getMessage());
        }
        List<JarBenchmarkList.Entry> baseEntries = entries(baseJar, "--base");
        List<JarBenchmarkList.Entry> newEntries = entries(newJar, "--new");
        Rows matched = Rows.match(baseEntries, newEntries, selection);
        if (matched.common().isEmpty()) {
            throw new AbException("no rows in common between " + baseJar + " (" + matched.removed().size() + " selected) and "
                    + newJar + " (" + matched.added().size() + " selected)");
        }
        Rows rows = matched.part(share);
        if (rows.common().isEmpty()) {
            throw new AbException("--part " + share + " has no rows: only " + matched.common().size() + " in common");
        }
        String partNote = share.whole() ? "" : String.format(Locale.ROOT, "part %s: %d of the %d rows in common, dealt in turn",
                share, rows.common().size(), matched.common().size());
        // Each side's java runs once with its flags, before anything is measured or written.
        List<String> baseFlags = JmhSelection.split(baseJvmArgs == null ? "" : baseJvmArgs);
        List<String> newFlags = JmhSelection.split(newJvmArgs == null ? "" : newJvmArgs);
        List<List<String>> baseDeclared = declared(baseEntries, rows.common(), selection);
        List<List<String>> newDeclared = declared(newEntries, rows.common(), selection);
        JavaRuntime baseRuntime = JavaRuntime.forSide("--base-java", baseJava, "--base-jvm-args", baseFlags, baseDeclared);
        JavaRuntime newRuntime = JavaRuntime.home(baseJava).equals(JavaRuntime.home(newJava)) && baseFlags.equals(newFlags)
                && baseDeclared.equals(newDeclared)
                ? baseRuntime : JavaRuntime.forSide("--new-java", newJava, "--new-jvm-args", newFlags, newDeclared);
        SideSpec baseSide = SideSpec.of(Side.BASE, baseJar, baseRuntime, baseFlags, baseEntries);
        SideSpec newSide = SideSpec.of(Side.NEW, newJar, newRuntime, newFlags, newEntries);
        Sides sides = new Sides(baseSide.record(), newSide.record());
        long orderSeed = seed != null ? seed : System.nanoTime();
        List<Row> controls = control == null ? List.of() : Controls.pick(rows.common(), control, orderSeed);
        Instant started = Instant.now();
        Path runDir = Files.createDirectories(resultsDir.resolve("ab-" + ResultsFiles.stamp(started)));
        double minEffect = minEffectPct / 100;
        String preset = p.toString();
        if (deep) {
            err.println("ab: deep mode: " + preset);
        }
        err.printf(Locale.ROOT, "ab: %d rows in common (%d added, %d removed)%s%s, budget %s, seed %d%s; results in %s%n",
                rows.common().size(), rows.added().size(), rows.removed().size(),
                share.whole() ? "" : ", part " + share + " of " + matched.common().size(),
                controls.isEmpty() ? "" : ", " + controls.size() + " control rows (base against base)",
                Durations.format(time.toNanos()), orderSeed, cpuList == null ? "" : ", pinned to CPUs " + cpuList, runDir);
        err.println("ab: " + sides.headline());
        err.flush();

        // The machine is checked once around all rounds, for both sides alike; the children skip their own check.
        boolean check = RunCheck.enabled();
        CpuList checked = cpuList != null ? cpuList : Affinity.allowed();
        CoreCheck before = check ? RunCheck.take("before the first round", checked, err::println, err::println) : null;
        Engine.Result result;
        ChildCommand command = ChildCommand.of(selection, !noCds);
        try (JarForkRunner runner = new JarForkRunner(baseSide, newSide, command, cpuList, runDir)) {
            Thread stop = new Thread(runner::close, "ab-stop-children");
            Runtime.getRuntime().addShutdownHook(stop);
            Engine engine = new Engine(rows.common(), controls, runner, System::nanoTime,
                    new Engine.Config(time, alpha, minEffect, detectPct / 100, orderSeed, selection.iterations(),
                            Engine.Steps.ALL), line -> {
                        err.println(line);
                        err.flush();
                    });
            result = engine.run();
            Runtime.getRuntime().removeShutdownHook(stop);
        }
        CoreCheck after = check ? RunCheck.take("after the last round", checked, err::println, err::println) : null;
        List<String> invocation = new ArrayList<>(List.of("ab"));
        invocation.addAll(spec.commandLine().getParseResult().originalArgs());
        MergedResults.Machine machine = new MergedResults.Machine(cpuList == null ? null : cpuList.toString(), before, after);
        Path baseFile = MergedResults.write(runDir, baseSide, result.rows(), invocation, machine);
        Path newFile = MergedResults.write(runDir, newSide, result.rows(), invocation, machine);

        List<String> warnings = new ArrayList<>();
        List<String> notes = new ArrayList<>(sides.notes());
        if (sides.base().sameJar(sides.next())) {
            // One jar (or two of the same bytes) on two javas or flag sets: a row that cannot run on one
            // of them is a row of the other only.
            result.rows().stream().filter(r -> r.status() == Engine.Status.ONE_SIDED).forEach(r -> notes.add(
                    r.row().display() + ": runs on " + r.onlyOn().label() + " only (" + r.failure() + ")"));
            rows = rows.withOneSided(result.rows());
            result = result.withoutOneSided();
        }
        result.rows().stream().filter(r -> r.status().failed())
                .forEach(r -> warnings.add(r.row().display() + ": " + r.failure()));
        if (deep) {
            notes.add("deep mode: " + preset);
        }
        if (!share.whole()) {
            notes.add(partNote);
        }
        notes.add(AbReport.planNote(result, detectPct));
        if (before != null && after != null && before.verdict() != after.verdict()) {
            warnings.add("core checks differ: " + before.verdict().label() + " before the first round, " + after.verdict().label()
                    + " after the last round: the machine changed during the run, for both sides alike (docs/machine.md)");
        }
        if (before != null || after != null) {
            notes.add("core checks (the same for both sides): before the first round " + summary(before)
                    + "; after the last round " + summary(after));
        }
        if (baseFile != null && newFile != null) {
            notes.add("results: " + baseFile + " and " + newFile + " (compare and report read them)");
        }
        Comparison c = AbReport.build(rows, result, alpha, minEffect,
                design(result, time, minEffectPct, detectPct, orderSeed, cpuList, sides),
                warnings, notes, control == null ? Double.NaN : control);
        String rendered = f.render(c);
        // The verdicts beside both sides' results, machine-readable whatever --format says: history add reads them.
        AtomicFiles.write(runDir.resolve(ResultsFiles.AB_TABLE), Format.JSON.render(c).getBytes(StandardCharsets.UTF_8));
        if (output != null) {
            Files.writeString(output, rendered, StandardCharsets.UTF_8);
        } else {
            out.print(rendered);
        }
        out.flush();
        boolean newFailed = result.rows().stream().anyMatch(r -> r.status().failed()
                && r.failure().startsWith("failed on new"));
        if (newFailed) {
            err.println("ab: a benchmark failed on the new jar (see " + runDir.resolve("new.log") + ")");
            return BAD_INPUT;
        }
        return c.hasRegression() ? REGRESSION : OK;
    }

    private Comparison.Design design(Engine.Result result, Duration time, double minEffectPct, double detectPct,
                                     long orderSeed, CpuList cpuList, Sides sides) {
        int pairs = result.rows().stream().mapToInt(r -> r.pairs().length).sum();
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("alpha", alpha);
        o.put("minEffect", minEffectPct / 100);
        o.put("detect", detectPct / 100);
        o.put("deep", deep);
        o.put("statistic", (int) Math.round(PairedStats.TRIM * 100) + "% trimmed mean of paired ln(new/base),"
                + " variances moderated within families");
        o.put("pilotPairs", Engine.PILOT);
        o.put("seed", orderSeed);
        o.put("budgetSeconds", time.toSeconds());
        o.put("elapsedSeconds", Math.round(result.elapsedNanos() / 1e9));
        o.put("rounds", result.rounds());
        o.put("pairs", pairs);
        o.put("appCds", !noCds);
        o.put("control", control);
        o.put("cpus", cpuList == null ? null : cpuList.toString());
        o.put("aa", sides.aa());
        o.put("base", sides.base());
        o.put("new", sides.next());
        // Which builds were measured: a dirty work tree's commit alone does not say (history reads these).
        o.put("baseJar", sides.base().jar());
        o.put("baseJarSha256", sides.base().jarSha256());
        o.put("newJar", sides.next().jar());
        o.put("newJarSha256", sides.next().jarSha256());
        String method = String.format(Locale.ROOT, "paired forks, pilot and plan, %d%% trimmed mean, moderated variances,"
                        + " alpha %s Holm-Bonferroni, min effect %s%%; %d pairs in %d rounds, %s",
                Math.round(PairedStats.TRIM * 100), trim(alpha), trim(minEffectPct), pairs, result.rounds(),
                Durations.format(result.elapsedNanos()));
        return new Comparison.Design(sides.title(), method, o);
    }

    /**
     * The distinct lists of flags that come before a side's own in its forks: what the rows' benchmarks
     * declare ({@code @Fork(jvmArgsAppend)}) in a jar, or the user's {@code -jvmArgsAppend} in their place.
     */
    private static List<List<String>> declared(List<JarBenchmarkList.Entry> entries, List<Row> rows, JmhSelection selection) {
        if (selection.jvmArgsAppend() != null) {
            return List.of(selection.jvmArgsAppend());
        }
        Set<String> names = new HashSet<>();
        rows.forEach(r -> names.add(r.benchmark()));
        return entries.stream().filter(e -> names.contains(e.benchmark())).map(JarBenchmarkList.Entry::jvmArgsAppend)
                .distinct().toList();
    }

    private static List<JarBenchmarkList.Entry> entries(Path jar, String option) {
        if (!Files.isRegularFile(jar)) {
            throw new AbException(option + " " + jar + ": no such file");
        }
        try {
            return JarBenchmarkList.read(jar);
        } catch (JarBenchmarkList.NotAJmhJar e) {
            throw new AbException(option + " " + e.getMessage());
        }
    }

    /** The jar this class was loaded from: the default jar of a side. */
    private static Path runningJar(String option) {
        try {
            Path p = Path.of(AbCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(p)) {
                return p;
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // fall through
        }
        throw new AbException(option + " is needed when ab does not run from a jar");
    }

    /**
     * Lets {@code --control} stand alone before a benchmark pattern or a JMH option: without an
     * attached {@code =SHARE}, the next argument is its share only when it is a number.
     */
    static final class OptionalShare implements CommandLine.IParameterPreprocessor {
        @Override
        public boolean preprocess(java.util.Stack<String> args, CommandLine.Model.CommandSpec spec,
                                  CommandLine.Model.ArgSpec arg, Map<String, Object> info) {
            if (" ".equals(info.get("separator")) && (args.isEmpty() || !args.peek().matches("\\d*\\.?\\d+"))) {
                args.push(String.valueOf(Controls.DEFAULT_SHARE));
            }
            return false;
        }
    }

    private static String summary(CoreCheck check) {
        return check == null ? "failed" : check.summary();
    }

    static String trim(double x) {
        return java.math.BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
    }
}
