package dev.concurrencybench.counter;

import java.nio.file.Path;

/**
 * A counter, its private temp dir and its workers (threads or processes), ready to run. Each
 * {@link #run} resets the count to 0 and has every worker increment it; {@link #close} stops the
 * workers and removes the temp dir.
 */
public interface CounterScenario extends AutoCloseable {

    /**
     * Every scenario's temp dir starts with this (the PID keeps another build's or run's dirs on
     * the same machine apart), so tests can check none is left behind.
     */
    String DIR_PREFIX = "concurrency-bench-counter-" + ProcessHandle.current().pid() + "-";

    CounterVariant variant();

    Across across();

    int workers();

    /** The private temp dir made for this scenario; gone after {@link #close}. */
    Path dir();

    /** Resets the count, has each worker increment it {@code increments} times, and reports. */
    CounterOutcome run(int increments) throws Exception;

    @Override
    void close();
}
