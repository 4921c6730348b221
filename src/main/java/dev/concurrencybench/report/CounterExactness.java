package dev.concurrencybench.report;

import dev.concurrencybench.counter.CounterMode;
import dev.concurrencybench.counter.CounterVariant;

/**
 * Whether each shared-counter variant keeps every increment by design, shown next to each
 * counter's bar beside the measured kept share. Keyed by the {@code variant} and {@code mode}
 * params of CounterBenchmark as strings, so results from any build chart; an unknown pair is
 * shown as "exactness unknown".
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

    private CounterExactness() {
    }

    /** Asks the variant itself ({@link CounterVariant#exactIn}), so the fact lives in one place. */
    public static Exactness of(String variant, String mode) {
        if (variant == null) {
            return Exactness.UNKNOWN;
        }
        try {
            CounterMode m = mode == null ? CounterMode.THREADS : CounterMode.valueOf(mode.strip());
            return CounterVariant.parse(variant.strip()).exactIn(m) ? Exactness.EXACT : Exactness.LOSES_UPDATES;
        } catch (IllegalArgumentException e) {
            return Exactness.UNKNOWN; // a variant or mode from another build of the suite
        }
    }
}
