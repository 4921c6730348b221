package dev.concurrencybench.usage;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

/**
 * {@link Scope#PROCESS_TREE}: CPU from two {@link TreeCpu} readings, peaks from a {@link PeakSampler}.
 * What the measuring itself costs inside the window (the part of each reading after its moment,
 * starting and stopping the sampler, and the sampler's samples) is measured with per-thread CPU
 * clocks, exact to the nanosecond, and left out, so the figure is the benchmark's. On a short
 * iteration of an idle model that cost would otherwise be most of the figure. It is reported on its
 * own ({@link Usage#ownCpuNanos()}), so that what the measuring costs the benchmark can be bounded.
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
        long startCost = spent(cpu0.clockAtRoot(), threadCpu());
        long wall0 = System.nanoTime();
        return () -> {
            long wall1 = System.nanoTime();
            long stopFrom = threadCpu();
            PeakSampler.Peaks peaks = sampler.stop();
            listingNanos = peaks.listingNanos();
            TreeCpu.Reading cpu1 = TreeCpu.read(proc, pid, this::threadCpu);
            long stopCost = spent(stopFrom, cpu1.clockAtRoot());
            long tree = TreeCpu.ticksToNanos(cpu1.ticks() - cpu0.ticks());
            // A part that could not be measured would make the whole a guess: report none, leave none out.
            long own = startCost < 0 || stopCost < 0 || peaks.cpuNanos() < 0 ? Usage.UNKNOWN
                    : startCost + stopCost + peaks.cpuNanos();
            return new Usage(Scope.PROCESS_TREE, wall1 - wall0, own == Usage.UNKNOWN ? tree : tree - own,
                    peaks.threads(), peaks.rssBytes(), peaks.samples(), own);
        };
    }

    /** This thread's CPU time, or -1 where the JVM cannot tell (not supported, or switched off). */
    private long threadCpu() {
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : -1;
    }

    /** CPU time between two readings of {@link #threadCpu()}, or -1 if either could not tell. */
    private static long spent(long from, long to) {
        return from < 0 || to < 0 ? -1 : to - from;
    }
}
