package dev.concurrencybench.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StatsTest {

    /** R's own example data: {@code sleep$extra} by group (Student's sleep data, R datasets). */
    static final double[] SLEEP_GROUP_1 = {0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0};
    static final double[] SLEEP_GROUP_2 = {1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4};

    /**
     * {@code Stats.pValue} is a Welch test on the logarithms of the fork means, so feeding it exp(x)
     * must give R's {@code t.test(extra ~ group, data = sleep)}:
     * {@code t = -1.8608, df = 17.776, p-value = 0.07939}.
     */
    @Test
    void pValueIsWelchOnLogsAsRComputesIt() {
        double p = Stats.pValue(exp(SLEEP_GROUP_1), exp(SLEEP_GROUP_2));
        assertEquals(0.07939, p, 0.000005);
        assertEquals(p, Stats.pValue(exp(SLEEP_GROUP_2), exp(SLEEP_GROUP_1)), 1e-15, "two-sided");
    }

    private static double[] exp(double[] xs) {
        return Arrays.stream(xs).map(Math::exp).toArray();
    }

    @Test
    void holmTiesGetTheSameAdjustedValueWhateverTheirOrder() {
        // m = 4; sorted 0.01, 0.02, 0.02, 0.04 -> 0.04, max(0.04, 0.06), max(0.06, 0.04), max(0.06, 0.04)
        assertArrayEquals(new double[] {0.06, 0.04, 0.06, 0.06}, Stats.holm(new double[] {0.02, 0.01, 0.02, 0.04}), 1e-12);
        assertArrayEquals(new double[] {0.06, 0.06, 0.04, 0.06}, Stats.holm(new double[] {0.02, 0.04, 0.01, 0.02}), 1e-12);
        // All tied: every one is multiplied by m.
        assertArrayEquals(new double[] {0.09, 0.09, 0.09}, Stats.holm(new double[] {0.03, 0.03, 0.03}), 1e-12);
    }

    @Test
    void holmCapsAtOneAndStaysMonotone() {
        // 0.3 x 3 = 0.9; 0.6 x 2 = 1.2 -> 1; 0.9 x 1 = 0.9 but not below its predecessor -> 1.
        assertArrayEquals(new double[] {1.0, 0.9, 1.0}, Stats.holm(new double[] {0.9, 0.3, 0.6}), 1e-12);
        assertArrayEquals(new double[] {1.0, 1.0}, Stats.holm(new double[] {0.7, 0.8}), 1e-12);
        assertArrayEquals(new double[] {0.0, 1.0}, Stats.holm(new double[] {0.0, 1.0}), 1e-12);
    }

    @Test
    void meanLogIsTheLogOfTheGeometricMean() {
        assertEquals(Math.log(4), Stats.meanLog(new double[] {2, 8}), 1e-12);
    }
}
