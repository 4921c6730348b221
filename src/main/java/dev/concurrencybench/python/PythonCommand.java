package dev.concurrencybench.python;

import dev.concurrencybench.results.RunProfile;
import dev.concurrencybench.util.CommandLines;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code java -jar target/benchmarks.jar python [--python PATH]... [-f N] [-wi N] [-i N] [-p NAME=V]...
 * [--profile quick|full] [-l] [PATTERN...]}: the notebook's exercises in Python, into
 * {@code results/<UTC time>-python.json} and its sidecar. Exit status 0; 1 when the Python program
 * failed; 2 for bad input or no usable Python; each with one line on stderr.
 */
@Command(name = "python", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Runs the Python notebook's exercises (fib list, sleeping tasks, asyncio) in fresh interpreter processes",
                "and writes them as JMH JSON, results/<UTC time>-python.json, for compare and report to chart beside Java's.",
                "Exit status: 0; 1 when the Python program failed; 2 for bad input or no usable Python."})
public final class PythonCommand implements Callable<Integer> {

    public static final int OK = 0;
    public static final int FAILED = 1;

    @Option(names = "--python", paramLabel = "PATH",
            description = "An interpreter (a path, or a name on the PATH); twice for one with the GIL and one without."
                    + " Default: python3, and the newest free-threaded python3.Nt (N >= 13) on the PATH if there is one.")
    List<String> pythons = new ArrayList<>();

    @Option(names = "-f", paramLabel = "N", description = "Fresh interpreter processes per row (default: the profile's).")
    Integer forks;

    @Option(names = "-wi", paramLabel = "N", description = "Warm-up calls per process (default: the profile's).")
    Integer warmups;

    @Option(names = "-i", paramLabel = "N", description = "Measured calls per process (default: the profile's).")
    Integer iterations;

    @Option(names = "-p", paramLabel = "NAME=V1,V2", description = "Parameter values, as JMH's -p (a fib list: 36/35/10).")
    List<String> params = new ArrayList<>();

    @Option(names = "--profile", paramLabel = "NAME", description = "full (default): 3 processes per row; quick: 1 process, 1 + 1 calls.")
    String profile = RunProfile.FULL.label();

    @Option(names = "-l", description = "List the Python benchmarks the patterns select, and exit.")
    boolean list;

    @Parameters(arity = "0..*", paramLabel = "PATTERN", description = "Regular expressions over names such as python.CpuBound.fibList.")
    List<String> patterns = new ArrayList<>();

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the command line and returns the exit status; never throws. */
    public static int run(String... args) {
        return run(CommandLines.stdout(), CommandLines.stderr(), args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return CommandLines.run(new CommandLine(new PythonCommand()), out, err, e -> e instanceof IllegalArgumentException, args);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        check("-f", forks, 1);
        check("-wi", warmups, 0);
        check("-i", iterations, 1);
        NotebookRun.Request request = new NotebookRun.Request(pythons, RunProfile.parse(profile), forks, warmups, iterations,
                params, patterns);
        try {
            return run(request, list, Path.of(""), System.getenv("PATH"), out);
        } catch (PythonException e) {
            err.println("python: " + e.getMessage());
            return e.status();
        }
    }

    /** Finds the interpreters and runs {@code request} on them, or lists what it selects. */
    static int run(NotebookRun.Request request, boolean listOnly, Path workDir, String pathEnv, PrintWriter out)
            throws PythonException {
        try (Session session = open()) {
            List<Interpreters.Python> found = Interpreters.find(request.pythons(), pathEnv, session);
            if (listOnly) {
                NotebookRun.list(request, session, found.get(0), workDir);
            } else {
                NotebookRun.run(request, session, found, workDir, Instant.now(), out);
            }
            return OK;
        }
    }

    static Session open() throws PythonException {
        try {
            return Session.open();
        } catch (IOException e) {
            throw new PythonException(FAILED, "cannot unpack the Python program: " + e.getMessage());
        }
    }

    private static void check(String option, Integer value, int least) {
        if (value != null && value < least) {
            throw new IllegalArgumentException(option + " must be >= " + least + ", got " + value);
        }
    }
}
