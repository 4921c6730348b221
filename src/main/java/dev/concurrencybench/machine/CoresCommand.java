package dev.concurrencybench.machine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.concurrencybench.util.CommandLines;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar target/benchmarks.jar cores [--cpus LIST] [--json]}: each CPU's speed with the
 * suite's fib kernel, pinned to it, and a verdict (see {@link CoreCheck}). Exit status 0, or 2 for
 * bad input (one line on stderr).
 */
@Command(name = "cores", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Measures every CPU this process may use with the suite's fib kernel, pinned to that CPU, in",
                "interleaved rounds: per CPU the median time per call, the speed relative to the fastest CPU, and how",
                "steady its rounds were (interquartile range, drift, range), then a verdict: equal (within 10%%),",
                "unequal (with the capacity in fastest-core equivalents) or unsteady (some CPU's interquartile range",
                "or drift above 10%%; a stray round is ignored). Takes about 2 s on 2 cores."})
public final class CoresCommand implements Callable<Integer> {

    public static final int BAD_INPUT = CommandLines.BAD_INPUT;
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--cpus", paramLabel = "LIST", description = "Only these CPUs, e.g. 0, 0-3, 0,2 or 0-1,3 (default: all this process may use).")
    String cpus;

    @Option(names = "--json", description = "Print the result as JSON (the same object the results sidecar records).")
    boolean json;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the command line and returns the exit status; never throws. */
    public static int run(String... args) {
        return run(CommandLines.stdout(), CommandLines.stderr(), args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return CommandLines.run(new CommandLine(new CoresCommand()), out, err,
                e -> e instanceof IllegalArgumentException || e instanceof PinningException, args);
    }

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        CpuList list;
        if (cpus == null) {
            list = Affinity.allowed();
        } else {
            list = PinnedRun.parseCpus(cpus);
        }
        if (!Affinity.canPin()) {
            spec.commandLine().getErr().println("cores: " + Affinity.whyNot()
                    + "; measuring unpinned, so each row is a slot the scheduler placed anywhere, not one CPU");
        }
        CoreCheck check = CoreChecker.measure(list);
        if (json) {
            out.println(JSON.writeValueAsString(check));
        } else {
            print(out, check);
        }
        return 0;
    }

    static void print(PrintWriter out, CoreCheck check) {
        out.println("Per-CPU speed: " + check.kernel() + " x " + check.repetitions() + " per sample, " + check.rounds()
                + " interleaved rounds, " + (check.pinnedWith() == null ? "unpinned" : "pinned with " + check.pinnedWith()));
        String header = String.format(Locale.ROOT, "%5s  %14s  %14s  %5s  %5s  %5s", "CPU", "ms per " + check.kernel(),
                "relative speed", "IQR", "drift", "range");
        out.println(header);
        for (CoreCheck.CpuSpeed c : check.cpus()) {
            out.println(String.format(Locale.ROOT, "%5d  %14.2f  %14.2f  %5s  %5s  %5s", c.cpu(), c.millis(), c.relativeSpeed(),
                    CoreCheck.percent(c.iqr()), CoreCheck.signedPercent(c.drift()), CoreCheck.percent(c.spread())));
        }
        out.println("verdict: " + check.verdict().label() + ": " + check.verdict().meaning() + " (capacity " + CoreCheck.format(check.capacity())
                + " fastest-core equivalents on " + check.cpus().size() + " CPUs; " + check.roundFigures() + ")");
    }
}
