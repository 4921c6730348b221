package dev.concurrencybench.ab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.concurrencybench.results.BenchMode;
import dev.concurrencybench.results.BenchmarkResult.RowKey;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ForkSettingsTest {

    private static final Row SINGLE_SHOT = new Row(new RowKey("b.B.m", BenchMode.SINGLE_SHOT_TIME, Map.of()), Set.of(), 4, null, 4, null);
    private static final Row LONG_WARMUP = new Row(new RowKey("b.B.m", BenchMode.SINGLE_SHOT_TIME, Map.of()), Set.of(), 8, null, 4, null);

    @Test
    void theFirstPairOfASingleShotRowIsTwoWarmUpAndTwoMeasuredCalls() {
        assertEquals(new ForkSettings(2, 2, null, null), ForkSettings.probe(SINGLE_SHOT, Map.of()));
        assertEquals(List.of("-wi", "2", "-i", "2"), ForkSettings.probe(SINGLE_SHOT, Map.of()).args());
    }

    @Test
    void laterPairsFillTheTimeTargetsWithinTheDeclaredWarmUp() {
        // A 0.2 s fib list: 0.3 s of warm-up is 2 calls, 0.5 s of measurement 3 calls.
        assertEquals(new ForkSettings(2, 3, null, null), ForkSettings.calibrated(SINGLE_SHOT, 0.2, 0.02, Map.of()));
        // A 2 s call: one warm-up call, the two measured calls a mean needs.
        assertEquals(new ForkSettings(1, 2, null, null), ForkSettings.calibrated(SINGLE_SHOT, 2.0, 0.05, Map.of()));
        // A 14 ms call: warm-up stops at the declared 4 (or 8), measurement at 36 calls by time.
        assertEquals(new ForkSettings(4, 36, null, null), ForkSettings.calibrated(SINGLE_SHOT, 0.014, 0.09, Map.of()));
        assertEquals(new ForkSettings(8, 36, null, null), ForkSettings.calibrated(LONG_WARMUP, 0.014, 0.09, Map.of()));
    }

    @Test
    void quietCallsNeedNoMoreThanTwo() {
        // A 100 ms sleep that varies by 0.2%: two calls already bring the calls' share below 0.3%.
        assertEquals(new ForkSettings(3, 2, null, null), ForkSettings.calibrated(SINGLE_SHOT, 0.1, 0.002, Map.of()));
        assertEquals(new ForkSettings(3, 5, null, null), ForkSettings.calibrated(SINGLE_SHOT, 0.1, 0.05, Map.of()));
    }

    @Test
    void timedModesGetShortIterationsFromTheStart() {
        Row counter = AbFixtures.thrpt("c");
        ForkSettings s = ForkSettings.probe(counter, Map.of());
        assertEquals(new ForkSettings(2, 3, "200ms", "200ms"), s);
        assertEquals(s, ForkSettings.calibrated(counter, Double.NaN, Double.NaN, Map.of()));
        assertEquals(List.of("-wi", "2", "-i", "3", "-w", "200ms", "-r", "200ms"), s.args());
        Row shortIterations = new Row(counter.key(), Set.of(), 3, "100ms", 5, "100ms");
        assertEquals(new ForkSettings(3, 5, "100ms", "100ms"), ForkSettings.probe(shortIterations, Map.of()));
    }

    @Test
    void explicitSettingsWin() {
        Map<String, String> explicit = Map.of("-wi", "0", "-i", "7", "-r", "1s");
        assertEquals(new ForkSettings(0, 7, null, "1s"), ForkSettings.probe(SINGLE_SHOT, explicit));
        assertEquals(new ForkSettings(0, 7, null, "1s"), ForkSettings.calibrated(SINGLE_SHOT, 0.2, 0.02, explicit));
    }

    @Test
    void timesAndUnits() {
        assertEquals(0.5, ForkSettings.seconds("500ms"), 1e-12);
        assertEquals(2.0, ForkSettings.seconds("2s"), 1e-12);
        assertEquals(0.36, ForkSettings.secondsPerOp(360, "ms/op"), 1e-12);
        assertEquals(7e-5, ForkSettings.secondsPerOp(70, "us/op"), 1e-12);
        assertEquals(Double.NaN, ForkSettings.secondsPerOp(5, "ops/s"));
    }
}
