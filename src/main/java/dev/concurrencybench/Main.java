package dev.concurrencybench;

import dev.concurrencybench.bench.Params;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The jar's command line on Java 21+. The first argument may name one of our subcommands; every
 * other command line is JMH's own and goes to {@link org.openjdk.jmh.Main} unchanged, after our
 * {@code -p} values have been checked so that a typo fails at once with one line.
 */
public final class Main {

    /** Exit status for bad input, shared by every subcommand. */
    public static final int BAD_INPUT = 2;

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length > 0 ? args[0] : "";
        String[] rest = args.length > 0 ? Arrays.copyOfRange(args, 1, args.length) : args;
        switch (command) {
            // Subcommands go here, one case each: "worker", "compare", "report".
            case "compare" -> System.exit(dev.concurrencybench.compare.CompareCommand.run(rest));
            case "report" -> System.exit(dev.concurrencybench.report.ReportCommand.run(rest));
            default -> runJmh(args);
        }
    }

    static void runJmh(String[] args) throws Exception {
        try {
            Params.check(args);
        } catch (IllegalArgumentException e) {
            System.err.println("concurrency-bench: " + e.getMessage());
            System.exit(BAD_INPUT);
        }
        // --profile, results/ file and environment sidecar (issue 5).
        dev.concurrencybench.results.JmhRun run = null;
        try {
            run = dev.concurrencybench.results.JmhRun.prepare(List.of(args), java.nio.file.Path.of(""),
                    java.time.Instant.now());
            run.createResultsDir();
        } catch (IllegalArgumentException | java.io.IOException e) {
            System.err.println("concurrency-bench: " + e.getMessage());
            System.exit(BAD_INPUT);
        }
        List<String> jmhArgs = new ArrayList<>(run.jmhArgs());
        // A benchmark that throws should fail the run (and CI), not just print a stack trace.
        if (!jmhArgs.contains("-foe")) {
            jmhArgs.addAll(0, List.of("-foe", "true"));
        }
        org.openjdk.jmh.Main.main(jmhArgs.toArray(String[]::new));
        if (run.writeSidecar()) {
            System.out.println("Environment recorded in " + dev.concurrencybench.results.Sidecar.pathFor(run.results()));
        }
    }
}
