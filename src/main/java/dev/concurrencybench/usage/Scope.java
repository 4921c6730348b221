package dev.concurrencybench.usage;

/** What a {@link Usage} covers, which depends on where it could be read from. */
public enum Scope {
    /** This JVM and every descendant process, live or finished, read from {@code /proc}. */
    PROCESS_TREE,
    /**
     * This JVM alone, from its own MXBeans, where there is no {@code /proc}: CPU time of the
     * process, and Java platform threads instead of OS threads; no resident memory.
     */
    JVM_ONLY
}
