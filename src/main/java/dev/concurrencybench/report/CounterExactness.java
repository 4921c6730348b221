package dev.concurrencybench.report;

import java.util.Map;

/**
 * Whether each shared-counter variant keeps every increment. JMH's JSON records only speed, so
 * the report shows this documented fact next to each counter's bar. Keyed by the
 * {@code variant} and {@code mode} params of CounterBenchmark as strings, so results from any
 * build chart; an unknown pair is shown as "exactness unknown".
 */
public final class CounterExactness {

    /** What a variant does to concurrent increments. */
    public enum Exactness {
        EXACT("exact"),
        LOSES_UPDATES("loses updates"),
        UNKNOWN("exactness unknown");

        private final String label;

        Exactness(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private static final Map<String, Exactness> TABLE = Map.ofEntries(
            // count++ on a plain field: a read-modify-write race between threads.
            Map.entry("NAIVE/THREADS", Exactness.LOSES_UPDATES),
            // Each process increments its own memory; the parent's count never sees them.
            Map.entry("NAIVE/PROCESSES", Exactness.LOSES_UPDATES),
            // Read the file, add one, write it back: two writers can read the same value.
            Map.entry("FILE/THREADS", Exactness.LOSES_UPDATES),
            Map.entry("FILE/PROCESSES", Exactness.LOSES_UPDATES),
            // A FileLock (between processes) plus an in-JVM lock (between threads).
            Map.entry("FILE_LOCKED/THREADS", Exactness.EXACT),
            Map.entry("FILE_LOCKED/PROCESSES", Exactness.EXACT),
            // One consumer adds up the increments it is sent.
            Map.entry("QUEUE/THREADS", Exactness.EXACT),
            Map.entry("QUEUE/PROCESSES", Exactness.EXACT),
            // An AtomicLong is exact within one JVM.
            Map.entry("ATOMIC/THREADS", Exactness.EXACT),
            // ...but it is a heap object: each process would increment its own.
            Map.entry("ATOMIC/PROCESSES", Exactness.LOSES_UPDATES),
            // Compare-and-swap on a memory-mapped file, visible to every process and thread.
            Map.entry("MMAP_CAS/THREADS", Exactness.EXACT),
            Map.entry("MMAP_CAS/PROCESSES", Exactness.EXACT));

    private CounterExactness() {
    }

    public static Exactness of(String variant, String mode) {
        if (variant == null) {
            return Exactness.UNKNOWN;
        }
        String key = variant.strip() + "/" + (mode == null ? "THREADS" : mode.strip());
        return TABLE.getOrDefault(key, Exactness.UNKNOWN);
    }
}
