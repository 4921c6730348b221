package dev.concurrencybench.ab;

/** Runs one fork of one row on one side; the real one starts a JMH call, a simulated one draws a number. */
public interface ForkRunner {

    /**
     * @param tag  unique per call within a run, for file names (e.g. {@code r3-17-base})
     * @param timeoutNanos  how long the call may take before it is stopped and counted as failed
     */
    Fork run(Side side, Row row, ForkSettings settings, String tag, long timeoutNanos) throws InterruptedException;
}
