package dev.concurrencybench.counter;

import java.util.List;

/** One run: how many increments were made, what the owner's count ended at, and what each worker saw. */
public record CounterOutcome(CounterVariant variant, Across across, int incrementsPerWorker, long finalCount,
        List<WorkerReport> reports) {

    public CounterOutcome {
        reports = List.copyOf(reports);
    }

    /** Increments the workers made: workers × increments per worker. */
    public long attempted() {
        return (long) reports.size() * incrementsPerWorker;
    }

    /** Increments that did not show in the final count. */
    public long lost() {
        return attempted() - finalCount;
    }
}
