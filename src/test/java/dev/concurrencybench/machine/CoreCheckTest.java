package dev.concurrencybench.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concurrencybench.machine.CoreCheck.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The verdict and the capacity, from synthetic per-CPU samples (ms per call, one column per round). */
class CoreCheckTest {

    private static final double EPS = 1e-9;

    private static CoreCheck check(double[]... samples) {
        return CoreCheck.of("2026-11-28T00:00:00Z", "fib(30)", 10, "sched_setaffinity", CpuList.firstN(samples.length), samples);
    }

    @Test
    void equalCoresWithinTenPercent() {
        CoreCheck c = check(new double[] {10.0, 10.2, 10.1}, new double[] {10.9, 10.8, 10.85});
        assertEquals(Verdict.EQUAL, c.verdict());
        assertEquals(1.0, c.cpus().get(0).relativeSpeed(), EPS);
        assertEquals(10.1 / 10.85, c.cpus().get(1).relativeSpeed(), EPS);
        assertEquals(1 + 10.1 / 10.85, c.capacity(), EPS);
        assertEquals(0.02, c.cpus().get(0).spread(), EPS);
        assertEquals(0.02, c.spread(), EPS);
    }

    @Test
    void unequalCoresGiveTheCapacityInFastestCoreEquivalents() {
        // The measurement: CPU 0 at 101 ms per list, CPU 1 at 177 ms (1.75x).
        CoreCheck c = check(new double[] {101, 100, 102, 101}, new double[] {177, 176, 178, 177});
        assertEquals(Verdict.UNEQUAL, c.verdict());
        assertEquals(101.0, c.cpus().get(0).millis(), EPS, "median of an even count is the mean of the middle two");
        assertEquals(177.0, c.cpus().get(1).millis(), EPS);
        assertEquals(101.0 / 177.0, c.cpus().get(1).relativeSpeed(), EPS);
        assertEquals(1.57, c.capacity(), 0.005);
        assertTrue(c.summary().startsWith("unequal: capacity 1.57 of 2 CPUs (CPU 0 1.00, CPU 1 0.57), rounds within 2%"), c.summary());
    }

    @Test
    void theFastestCpuNeedNotBeTheFirst() {
        CoreCheck c = check(new double[] {20, 20, 20}, new double[] {10, 10, 10}, new double[] {10, 10, 10}, new double[] {40, 40, 40});
        assertEquals(List.of(0.5, 1.0, 1.0, 0.25), c.cpus().stream().map(CoreCheck.CpuSpeed::relativeSpeed).toList());
        assertEquals(2.75, c.capacity(), EPS);
        assertEquals(Verdict.UNEQUAL, c.verdict());
    }

    @Test
    void roundsMoreThanTenPercentApartAreUnsteadyWhateverTheMedians() {
        CoreCheck c = check(new double[] {10, 12, 10, 10, 10}, new double[] {10, 10, 10, 10, 10});
        assertEquals(Verdict.UNSTEADY, c.verdict());
        assertEquals(0.2, c.spread(), EPS);
        assertEquals(2.0, c.capacity(), EPS, "the medians are still equal");
        CoreCheck unequalAndUnsteady = check(new double[] {10, 10, 10}, new double[] {20, 25, 20});
        assertEquals(Verdict.UNSTEADY, unequalAndUnsteady.verdict(), "unsteady wins: the relative speeds cannot be trusted");
        assertEquals(1.5, unequalAndUnsteady.capacity(), EPS);
    }

    @Test
    void oneCpuIsEqualWithCapacityOne() {
        CoreCheck c = CoreCheck.of("t", "fib(30)", 3, null, CpuList.of(5), new double[][] {{4, 4.1, 4.05}});
        assertEquals(Verdict.EQUAL, c.verdict());
        assertEquals(1.0, c.capacity(), EPS);
        assertEquals(5, c.cpus().get(0).cpu());
        assertNull(c.pinnedWith());
        assertTrue(c.summary().endsWith(", unpinned"), c.summary());
    }

    @Test
    void manyCpusAreSummarisedByTheirExtremes() {
        double[][] samples = new double[12][];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = new double[] {10, 10};
        }
        samples[7] = new double[] {20, 20};
        String summary = check(samples).summary();
        assertTrue(summary.contains("slowest CPU 7 at 0.50"), summary);
    }

    @Test
    void malformedSamplesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> check(new double[] {1, 2}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> check(new double[] {1, 0}));
        assertThrows(IllegalArgumentException.class, () -> check(new double[] {1, Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> CoreCheck.of("t", "k", 1, null, CpuList.of(0, 1), new double[][] {{1}}));
    }

    @Test
    void jsonNamesTheVerdictInLowerCaseAndReadsBack() throws Exception {
        CoreCheck c = check(new double[] {10, 10}, new double[] {20, 20});
        String json = CoresCommand.JSON.writeValueAsString(c);
        assertTrue(json.contains("\"verdict\" : \"unequal\""), json);
        assertEquals(c, CoresCommand.JSON.readValue(json, CoreCheck.class));
        String future = json.replaceFirst("\\{", "{ \"addedLater\" : 1,");
        assertEquals(c, CoresCommand.JSON.readValue(future, CoreCheck.class), "fields added later are ignored");
    }
}
