package dev.concurrencybench.usage;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;

/**
 * {@link Scope#JVM_ONLY}, where there is no {@code /proc}: the process CPU time the JVM reports
 * (child processes not included), and the exact peak of live Java platform threads, which the
 * JVM keeps itself, so nothing needs sampling. Virtual threads are not in that count, nor the
 * JVM's own native threads (GC, compiler). Resident memory is not available. The measuring's own
 * CPU (a few bean calls, no sampler) is neither measured nor left out.
 */
final class JvmUsageMeter implements UsageMeter {

    private final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    @Override
    public Scope scope() {
        return Scope.JVM_ONLY;
    }

    @Override
    public Window start() {
        long cpu0 = processCpuNanos();
        threads.resetPeakThreadCount();
        long wall0 = System.nanoTime();
        return () -> {
            long wall1 = System.nanoTime();
            int peak = threads.getPeakThreadCount();
            long cpu1 = processCpuNanos();
            long cpu = cpu0 < 0 || cpu1 < 0 ? Usage.UNKNOWN : cpu1 - cpu0;
            return new Usage(Scope.JVM_ONLY, wall1 - wall0, cpu, peak, Usage.UNKNOWN, 0, Usage.UNKNOWN);
        };
    }

    /** -1 where the JVM cannot tell (its bean is not the com.sun.management one, or it says -1). */
    private long processCpuNanos() {
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }
}
