package dev.concurrencybench.compare;

import java.util.Objects;

/**
 * Which metric of a row a comparison line is about: JMH's primary score, or a secondary metric by
 * its name (e.g. {@code gc.alloc.rate.norm} from {@code -prof gc}). An explicit key, so that no map
 * or record uses {@code null} to mean "the primary metric".
 *
 * @param name    the secondary metric's name as JMH writes it; {@code primary} for the primary metric
 * @param primary whether this is the primary metric
 */
public record MetricKey(String name, boolean primary) {

    public static final MetricKey PRIMARY = new MetricKey("primary", true);

    public MetricKey {
        Objects.requireNonNull(name, "name");
    }

    public static MetricKey secondary(String name) {
        return new MetricKey(name, false);
    }
}
