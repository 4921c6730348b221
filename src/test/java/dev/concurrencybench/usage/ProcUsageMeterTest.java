package dev.concurrencybench.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The meter on captured /proc files ({@link Fixtures}) that turn from {@code before} to {@code after}
 * inside the window, so the tree's CPU is known exactly and what the meter leaves out of it can be
 * checked to the nanosecond against what it reports as the measuring's own.
 */
class ProcUsageMeterTest {

    private static final long OPS = 4;
    private static final long TREE_NANOS = TreeCpu.ticksToNanos(Fixtures.AFTER_TICKS - Fixtures.BEFORE_TICKS);

    /** One window over the captured tree, in which the files change. */
    private static Usage window() {
        Path before = Fixtures.root("before");
        Path after = Fixtures.root("after");
        AtomicBoolean ended = new AtomicBoolean();
        ProcFs proc = new ProcFs(before, file -> Files.readString(ended.get() ? after.resolve(before.relativize(file)) : file,
                StandardCharsets.ISO_8859_1));
        UsageMeter.Window w = new ProcUsageMeter(proc, Fixtures.JVM, Duration.ofMillis(10)).start();
        ended.set(true);
        return w.stop();
    }

    @Test
    void theMeasuringsOwnCpuIsLeftOutOfTheTreesAndReportedPerOperation() {
        Usage u = window();
        assertTrue(u.ownCpuNanos() >= 0, u.toString());
        assertEquals(TREE_NANOS, u.cpuNanos() + u.ownCpuNanos(), "what is left out is what is reported: " + u);
        OptionalDouble own = UsageMetric.CPU_PROFILER.value(u, OPS);
        assertTrue(own.isPresent() && own.getAsDouble() >= 0, own.toString());
        assertEquals(u.ownCpuNanos() / 1e6 / OPS, own.getAsDouble());
    }

    @Test
    void withoutPerThreadClocksNothingIsLeftOutAndNothingReported() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled());
        threads.setThreadCpuTimeEnabled(false);
        Usage u;
        try {
            u = window();
        } finally {
            threads.setThreadCpuTimeEnabled(true);
        }
        assertEquals(Usage.UNKNOWN, u.ownCpuNanos(), u.toString());
        assertEquals(TREE_NANOS, u.cpuNanos());
        assertEquals(OptionalDouble.empty(), UsageMetric.CPU_PROFILER.value(u, OPS), "no figure rather than a false 0");
    }
}
