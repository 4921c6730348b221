package dev.concurrencybench.usage;

/**
 * Measures what this JVM (and, where it can tell, its child processes) uses in a window of time:
 * {@code start()} before the work, {@code stop()} on the returned window after it.
 */
public interface UsageMeter {

    /** One open measurement window. */
    interface Window {
        Usage stop();
    }

    Scope scope();

    Window start();

    /**
     * From {@code /proc} when {@code options.procRoot()} holds this JVM's files, otherwise from
     * the JVM's own MXBeans, for the JVM alone.
     */
    static UsageMeter forThisJvm(UsageOptions options) {
        long pid = ProcessHandle.current().pid();
        ProcFs proc = new ProcFs(options.procRoot());
        return proc.covers(pid) ? new ProcUsageMeter(proc, pid, options.period()) : new JvmUsageMeter();
    }
}
