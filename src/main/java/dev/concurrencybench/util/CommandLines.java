package dev.concurrencybench.util;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;
import picocli.CommandLine;

/**
 * Runs a picocli subcommand ({@code ab}, {@code compare}, {@code cores}, {@code report}) the way
 * this jar promises: a usage error or a failure is one line on stderr, prefixed with the command's
 * name, and exit status 2; never a stack trace.
 */
public final class CommandLines {

    /** Exit status for bad input, shared by every subcommand. */
    public static final int BAD_INPUT = 2;

    private CommandLines() {
    }

    /** Standard output, flushed line by line, in UTF-8. */
    public static PrintWriter stdout() {
        return new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    }

    /** Standard error, flushed line by line, in UTF-8. */
    public static PrintWriter stderr() {
        return new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    }

    /**
     * @param expected failures whose message is already fit for a user; others are shown with their class name
     */
    public static int run(CommandLine cl, PrintWriter out, PrintWriter err, Predicate<Exception> expected, String... args) {
        String name = cl.getCommandName();
        cl.setOut(out).setErr(err);
        cl.setParameterExceptionHandler((e, a) -> {
            err.println(name + ": " + firstLine(e.getMessage(), "bad arguments") + " (see " + name + " --help)");
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((e, c, p) -> {
            String what = e.getClass().getSimpleName();
            String message = expected.test(e) ? firstLine(e.getMessage(), what) : what + ": " + firstLine(e.getMessage(), "");
            err.println(name + ": " + message);
            return BAD_INPUT;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private static String firstLine(String message, String otherwise) {
        return message == null ? otherwise : message.lines().findFirst().orElse(otherwise);
    }
}
