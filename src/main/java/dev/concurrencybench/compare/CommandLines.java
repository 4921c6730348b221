package dev.concurrencybench.compare;

import java.io.PrintWriter;
import java.util.function.Predicate;
import picocli.CommandLine;

/**
 * Runs a picocli subcommand ({@code compare}, {@code ab}) the way this jar promises: a usage error
 * or a failure is one line on stderr, prefixed with the command's name, and exit status 2; never a
 * stack trace.
 */
public final class CommandLines {

    public static final int BAD_INPUT = 2;

    private CommandLines() {
    }

    /**
     * @param expected failures whose message is already fit for a user; others are shown with their class name
     */
    public static int run(CommandLine cl, PrintWriter out, PrintWriter err, Predicate<Exception> expected, String... args) {
        String name = cl.getCommandName();
        cl.setOut(out).setErr(err);
        cl.setParameterExceptionHandler((e, a) -> {
            err.println(name + ": " + e.getMessage().lines().findFirst().orElse("bad arguments") + " (see " + name + " --help)");
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((e, c, p) -> {
            String message = expected.test(e) ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
            err.println(name + ": " + message.lines().findFirst().orElse(""));
            return BAD_INPUT;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
