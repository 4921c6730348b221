package dev.concurrencybench.counter;

import java.io.IOException;

/** Where the workers that share a counter run: threads of this JVM, or worker JVMs. */
public enum CounterMode {
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
