package dev.concurrencybench.bench;

import java.io.IOException;
import org.openjdk.jmh.runner.RunnerException;

/**
 * The hand-over to JMH's own command line. It lives here so that JMH stays inside {@code bench/}:
 * the jar's {@code Main} checks our {@code -p} values and prepares the results file, then calls
 * this with JMH's arguments unchanged.
 */
public final class Jmh {

    private Jmh() {
    }

    /** Runs JMH's {@code Main} with {@code args}; JMH may exit the JVM itself on failure. */
    public static void main(String[] args) throws RunnerException, IOException {
        org.openjdk.jmh.Main.main(args);
    }
}
