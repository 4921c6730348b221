package dev.concurrencybench;

import dev.concurrencybench.ab.AbCommand;
import dev.concurrencybench.bench.Jmh;
import dev.concurrencybench.bench.Params;
import dev.concurrencybench.bench.UsageProfiler;
import dev.concurrencybench.compare.CompareCommand;
import dev.concurrencybench.counter.CounterWorkerMain;
import dev.concurrencybench.history.HistoryCommand;
import dev.concurrencybench.machine.CoreCheck;
import dev.concurrencybench.machine.CoresCommand;
import dev.concurrencybench.machine.PinnedRun;
import dev.concurrencybench.machine.PinningException;
import dev.concurrencybench.machine.RunCheck;
import dev.concurrencybench.process.WorkerMain;
import dev.concurrencybench.python.PythonCommand;
import dev.concurrencybench.python.PythonStage;
import dev.concurrencybench.report.ReportCommand;
import dev.concurrencybench.results.JmhRun;
import dev.concurrencybench.results.Sidecar;
import dev.concurrencybench.util.CommandLines;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The jar's command line on Java 21+. The first argument may name one of our subcommands; every
 * other command line is JMH's own and goes to JMH's Main ({@link Jmh}) unchanged, after our
 * {@code -p} values have been checked so that a typo fails at once with one line.
 */
public final class Main {

    /** Exit status for bad input, shared by every subcommand. */
    public static final int BAD_INPUT = CommandLines.BAD_INPUT;

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length > 0 ? args[0] : "";
        String[] rest = args.length > 0 ? Arrays.copyOfRange(args, 1, args.length) : args;
        switch (command) {
            case "ab" -> System.exit(AbCommand.run(rest));
            case "compare" -> System.exit(CompareCommand.run(rest));
            case "cores" -> System.exit(CoresCommand.run(rest));
            case "counter-worker" -> CounterWorkerMain.main(rest);
            case "history" -> System.exit(HistoryCommand.run(rest));
            case "python" -> System.exit(PythonCommand.run(rest));
            case "report" -> System.exit(ReportCommand.run(rest));
            case "worker" -> WorkerMain.main(rest);
            default -> runJmh(args);
        }
    }

    /**
     * JMH's own command line, plus {@code --profile}, {@code --cpus} (machine/PinnedRun), a results
     * file in results/ and its sidecar, a core check just before and just after JMH (machine/RunCheck),
     * and then the Python twins of the benchmarks it ran (python/PythonStage).
     */
    static void runJmh(String[] args) throws Exception {
        JmhRun run = null;
        PinnedRun pinned = null;
        List<String> jmhArgs = null;
        boolean runs = false;
        try {
            pinned = PinnedRun.parse(List.of(args));
            Params.check(pinned.rest().toArray(String[]::new));
            runs = JmhRun.runsBenchmarks(pinned.rest());
            if (runs && pinned.mustRelaunch()) {
                System.exit(pinned.relaunch(Main.class, args));
            }
            run = JmhRun.prepare(pinned.rest(), Path.of(""), Instant.now());
            jmhArgs = new ArrayList<>(UsageProfiler.resolveShortName(run.jmhArgs()));
            run.createResultsDir();
        } catch (IllegalArgumentException | IOException | PinningException e) {
            System.err.println("concurrency-bench: " + e.getMessage());
            System.exit(BAD_INPUT);
        }
        if (runs) {
            pinned.describe().ifPresent(System.out::println);
        }
        boolean check = runs && RunCheck.enabled();
        CoreCheck before = check ? RunCheck.take("before the run", System.out, System.err) : null;
        // A benchmark that throws should fail the run (and CI), not just print a stack trace.
        if (!jmhArgs.contains("-foe")) {
            jmhArgs.addAll(0, List.of("-foe", "true"));
        }
        // JMH exits the JVM itself on failure, so the clean-up of an empty results file is a hook.
        Runtime.getRuntime().addShutdownHook(new Thread(run::discardIfEmpty, "discard-empty-results"));
        Jmh.main(jmhArgs.toArray(String[]::new));
        CoreCheck after = check ? RunCheck.take("after the run", System.out, System.err) : null;
        if (run.environment() != null) {
            run = new JmhRun(run.jmhArgs(), run.profile(), run.results(), run.environment().withMachine(pinned.label(), before, after));
        }
        if (run.writeSidecar()) {
            System.out.println("Environment recorded in " + Sidecar.pathFor(run.results()));
        }
        if (run.results() != null) {
            int status = PythonStage.afterJmh(run.profile(), pinned.rest(), Path.of(""), System.getenv("PATH"),
                    CommandLines.stdout(), CommandLines.stderr());
            if (status != 0) {
                System.exit(status);
            }
        }
    }
}
