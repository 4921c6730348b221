package dev.concurrencybench.machine;

import java.io.PrintStream;
import java.util.function.Consumer;

/**
 * The core check around a benchmark run: taken just before JMH starts and just after it ends, on
 * the CPUs the run may use, reported in one line and, when the verdict is not {@code equal}, a
 * warning on stderr. A failing check never fails the run.
 *
 * <p>{@code -Dconcurrencybench.coreCheck=false} skips it, e.g. for a tool that starts the jar many
 * times and checks the machine once itself (a jar that predates the check ignores the property).
 */
public final class RunCheck {

    public static final String PROPERTY = "concurrencybench.coreCheck";

    private RunCheck() {
    }

    /** Whether the system property leaves the check on (it is on unless set to {@code false}). */
    public static boolean enabled() {
        return !Boolean.FALSE.toString().equalsIgnoreCase(System.getProperty(PROPERTY, "true").strip());
    }

    /**
     * Measures the CPUs this process may use and reports it.
     *
     * @param when e.g. {@code before the run}
     * @return the check, or null when it could not be taken (said on stderr)
     */
    public static CoreCheck take(String when, PrintStream out, PrintStream err) {
        return take(when, Affinity.allowed(), out::println, err::println);
    }

    /**
     * Measures {@code cpus} and reports it: one line to {@code out}, and to {@code err} a warning
     * when the verdict is not {@code equal} or the check failed.
     *
     * @param when e.g. {@code before the first round}
     * @return the check, or null when it could not be taken
     */
    public static CoreCheck take(String when, CpuList cpus, Consumer<String> out, Consumer<String> err) {
        CoreCheck check;
        try {
            check = CoreChecker.measure(cpus);
        } catch (RuntimeException e) {
            err.accept("concurrency-bench: warning: the core check " + when + " failed (" + e.getMessage() + "); the run goes on");
            return null;
        }
        String unpinned = check.pinnedWith() == null ? " (" + Affinity.whyNot() + ")" : "";
        out.accept("Core check " + when + ": " + check.summary() + unpinned);
        if (check.verdict() != CoreCheck.Verdict.EQUAL) {
            err.accept("concurrency-bench: warning: cores " + check.verdict().label() + " " + when + ": "
                    + check.verdict().meaning() + ", so single-threaded results depend on where and when a thread ran"
                    + " (see docs/machine.md; --cpus pins a run to chosen CPUs)");
        }
        return check;
    }
}
