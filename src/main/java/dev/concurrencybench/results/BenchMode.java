package dev.concurrencybench.results;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * JMH's benchmark modes as its JSON spells them. The mode says which direction is better: a
 * throughput is higher-is-better, every time mode lower-is-better.
 */
public enum BenchMode {
    THROUGHPUT("thrpt", true),
    AVERAGE_TIME("avgt", false),
    SAMPLE_TIME("sample", false),
    SINGLE_SHOT_TIME("ss", false);

    private final String label;
    private final boolean higherIsBetter;

    BenchMode(String label, boolean higherIsBetter) {
        this.label = label;
        this.higherIsBetter = higherIsBetter;
    }

    /** The short label JMH writes in its JSON and tables: thrpt, avgt, sample, ss. */
    public String label() {
        return label;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** Parses JMH's short label; throws IllegalArgumentException naming the valid ones. */
    public static BenchMode ofLabel(String label) {
        for (BenchMode m : values()) {
            if (m.label.equals(label)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown JMH mode '" + label + "'; valid: "
                + Arrays.stream(values()).map(BenchMode::label).collect(Collectors.joining(", ")));
    }
}
