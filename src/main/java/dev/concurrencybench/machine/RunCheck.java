package dev.concurrencybench.machine;

import java.io.PrintStream;

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
        CoreCheck check;
        try {
            check = CoreChecker.measure(Affinity.allowed());
        } catch (RuntimeException e) {
            err.println("concurrency-bench: warning: the core check " + when + " failed (" + e.getMessage() + "); the run goes on");
            return null;
        }
        String unpinned = check.pinnedWith() == null ? " (" + Affinity.whyNot() + ")" : "";
        out.println("Core check " + when + ": " + check.summary() + unpinned);
        if (check.verdict() != CoreCheck.Verdict.EQUAL) {
            err.println("concurrency-bench: warning: cores " + check.verdict().label() + " " + when + ": "
                    + check.verdict().meaning() + ", so single-threaded results depend on where and when a thread ran"
                    + " (see docs/machine.md; --cpus pins a run to chosen CPUs)");
        }
        return check;
    }
}
