package dev.concurrencybench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HistogramTest {

    @Test
    void meanCountAndPercentilesMatchTheExpandedSamples() {
        // Expanded: 1, 2, 2, 2, 10
        Histogram h = new Histogram(new double[] {1, 2, 10}, new long[] {1, 3, 1});
        assertEquals(5, h.count());
        assertEquals(17.0 / 5, h.mean(), 1e-12);
        assertEquals(1, h.percentile(0));
        assertEquals(2, h.percentile(0.5));
        assertEquals(2, h.percentile(0.8));
        assertEquals(10, h.percentile(0.81));
        assertEquals(10, h.percentile(1));
    }

    @Test
    void emptyAndInvalid() {
        Histogram empty = new Histogram(new double[0], new long[0]);
        assertTrue(Double.isNaN(empty.mean()));
        assertTrue(Double.isNaN(empty.percentile(0.5)));
        assertThrows(IllegalArgumentException.class, () -> new Histogram(new double[1], new long[2]));
        assertThrows(IllegalArgumentException.class, () -> empty.percentile(1.5));
    }
}
