package dev.concurrencybench.usage;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

/**
 * {@link Scope#PROCESS_TREE}: CPU from two {@link TreeCpu} readings, peaks from a {@link PeakSampler}.
 * What the measuring itself costs inside the window (the part of each reading after its moment,
 * starting and stopping the sampler, and the sampler's samples) is measured with per-thread CPU
 * clocks, exact to the nanosecond, and left out, so the figure is the benchmark's. On a short
 * iteration of an idle model that cost would otherwise be most of the figure.
 */
final class ProcUsageMeter implements UsageMeter {

    private final ProcFs proc;
    private final long pid;
    private final Duration period;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    /** Carried from one window to the next (JMH calls start and stop from one thread). */
    private long listingNanos;

    ProcUsageMeter(ProcFs proc, long pid, Duration period) {
        this.proc = proc;
        this.pid = pid;
        this.period = period;
    }

    @Override
    public Scope scope() {
        return Scope.PROCESS_TREE;
    }

    @Override
    public Window start() {
        TreeCpu.Reading cpu0 = TreeCpu.read(proc, pid, this::threadCpu);
        PeakSampler sampler = new PeakSampler(proc, pid, period, cpu0.descendants(), listingNanos).start();
        long startCost = threadCpu() - cpu0.clockAtRoot();
        long wall0 = System.nanoTime();
        return () -> {
            long wall1 = System.nanoTime();
            long stopFrom = threadCpu();
            PeakSampler.Peaks peaks = sampler.stop();
            listingNanos = peaks.listingNanos();
            TreeCpu.Reading cpu1 = TreeCpu.read(proc, pid, this::threadCpu);
            long own = startCost + (cpu1.clockAtRoot() - stopFrom) + Math.max(peaks.cpuNanos(), 0);
            long tree = TreeCpu.ticksToNanos(cpu1.ticks() - cpu0.ticks());
            return new Usage(Scope.PROCESS_TREE, wall1 - wall0, tree - own, peaks.threads(), peaks.rssBytes(),
                    peaks.samples(), own);
        };
    }

    /** This thread's CPU time, or 0 where the JVM cannot tell (then nothing is left out). */
    private long threadCpu() {
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : 0;
    }
}
