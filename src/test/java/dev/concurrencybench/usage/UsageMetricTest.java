package dev.concurrencybench.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class UsageMetricTest {

    /** 2 s of wall time, 3 s of CPU, over 4 operations; 120 threads, 512 MB; 1 ms of the measuring's own CPU. */
    private static final Usage TREE = new Usage(Scope.PROCESS_TREE, 2_000_000_000L, 3_000_000_000L, 120, 512L << 20, 200, 1_000_000);

    @Test
    void figuresArePerOperationExceptPeaksAndCores() {
        assertEquals(OptionalDouble.of(750.0), UsageMetric.CPU_TIME.value(TREE, 4));
        assertEquals(OptionalDouble.of(1.5), UsageMetric.CPU_CORES.value(TREE, 4));
        assertEquals(OptionalDouble.of(120), UsageMetric.OS_THREADS_PEAK.value(TREE, 4));
        assertEquals(OptionalDouble.of(512), UsageMetric.RSS_PEAK.value(TREE, 4));
        assertEquals(OptionalDouble.of(0.25), UsageMetric.CPU_PROFILER.value(TREE, 4));
        assertEquals("ms/op", UsageMetric.CPU_PROFILER.unit(Scope.PROCESS_TREE));
    }

    @Test
    void theMeasuringsOwnCpuIsReportedOnlyWhereItWasMeasured() {
        Usage unmeasured = new Usage(Scope.PROCESS_TREE, 2_000_000_000L, 3_000_000_000L, 120, 512L << 20, 200, Usage.UNKNOWN);
        assertEquals(OptionalDouble.empty(), UsageMetric.CPU_PROFILER.value(unmeasured, 4), "no per-thread clocks: no figure, not 0");
        assertEquals(OptionalDouble.of(750.0), UsageMetric.CPU_TIME.value(unmeasured, 4));
        Usage jvm = new Usage(Scope.JVM_ONLY, 2_000_000_000L, 1_000_000_000L, 30, Usage.UNKNOWN, 0, 5_000_000L);
        assertNull(UsageMetric.CPU_PROFILER.unit(Scope.JVM_ONLY));
        assertEquals(OptionalDouble.empty(), UsageMetric.CPU_PROFILER.value(jvm, 1), "the fallback leaves nothing out, so reports nothing");
    }

    @Test
    void jvmOnlyFiguresSaySoInTheirUnitAndHaveNoMemory() {
        Usage jvm = new Usage(Scope.JVM_ONLY, 2_000_000_000L, 1_000_000_000L, 30, Usage.UNKNOWN, 0, Usage.UNKNOWN);
        assertEquals("ms/op (jvm only)", UsageMetric.CPU_TIME.unit(Scope.JVM_ONLY));
        assertEquals("cores (jvm only)", UsageMetric.CPU_CORES.unit(Scope.JVM_ONLY));
        assertEquals("java threads (jvm only)", UsageMetric.OS_THREADS_PEAK.unit(Scope.JVM_ONLY));
        assertNull(UsageMetric.RSS_PEAK.unit(Scope.JVM_ONLY));
        assertEquals(OptionalDouble.empty(), UsageMetric.RSS_PEAK.value(jvm, 1));
        assertEquals(OptionalDouble.of(0.5), UsageMetric.CPU_CORES.value(jvm, 1));
        Usage noCpu = new Usage(Scope.JVM_ONLY, 1, Usage.UNKNOWN, 30, Usage.UNKNOWN, 0, Usage.UNKNOWN);
        assertEquals(OptionalDouble.empty(), UsageMetric.CPU_TIME.value(noCpu, 1));
        assertEquals(OptionalDouble.empty(), UsageMetric.CPU_CORES.value(noCpu, 1));
    }

    @Test
    void aCpuTimeBelowZeroIsReportedNotDropped() {
        // An idle window whose ticks read 0 once the profiler's own 2 ms are taken out: dropping it
        // would leave only the windows that read high, and the mean would lean up.
        Usage idle = new Usage(Scope.PROCESS_TREE, 100_000_000L, -2_000_000L, 20, 1 << 20, 10, 2_000_000L);
        assertEquals(OptionalDouble.of(-2.0), UsageMetric.CPU_TIME.value(idle, 1));
        assertEquals(OptionalDouble.of(-0.02), UsageMetric.CPU_CORES.value(idle, 1));
    }

    @Test
    void peaksAreTheThreadsAndMemory() {
        assertTrue(UsageMetric.OS_THREADS_PEAK.peak());
        assertTrue(UsageMetric.RSS_PEAK.peak());
        assertFalse(UsageMetric.CPU_TIME.peak());
        assertFalse(UsageMetric.CPU_CORES.peak());
        assertFalse(UsageMetric.CPU_PROFILER.peak());
    }
}
