package dev.concurrencybench.counter;

import java.io.IOException;

/**
 * What the workers that share a counter are: threads of this JVM, or worker JVMs. CounterBenchmark
 * takes it as {@code @Param across} (a name apart from JMH's benchmark mode).
 */
public enum Across {
    /** Worker threads of one fixed pool in this JVM, sharing one counter handle. */
    THREADS {
        @Override
        public CounterScenario open(CounterVariant variant, int workers) throws IOException {
            return ThreadCounters.open(variant, workers);
        }
    },
    /** Worker JVMs started once per scenario, each attaching its own handle per run. */
    PROCESSES {
        @Override
        public CounterScenario open(CounterVariant variant, int workers) throws IOException {
            return ProcessCounters.open(variant, workers);
        }
    };

    /** Makes the temp dir, the counter and the workers; close it to remove them all. */
    public abstract CounterScenario open(CounterVariant variant, int workers) throws IOException;
}
