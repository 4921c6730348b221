package dev.concurrencybench.usage;

import java.time.Duration;

/** {@link Scope#PROCESS_TREE}: CPU from two {@link TreeCpu} readings, peaks from a {@link PeakSampler}. */
final class ProcUsageMeter implements UsageMeter {

    private final ProcFs proc;
    private final long pid;
    private final Duration period;

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
        TreeCpu.Reading cpu0 = TreeCpu.read(proc, pid);
        PeakSampler sampler = new PeakSampler(proc, pid, period).start();
        long wall0 = System.nanoTime();
        return () -> {
            long wall1 = System.nanoTime();
            PeakSampler.Peaks peaks = sampler.stop();
            TreeCpu.Reading cpu1 = TreeCpu.read(proc, pid);
            return new Usage(Scope.PROCESS_TREE, wall1 - wall0, TreeCpu.ticksToNanos(cpu1.ticks() - cpu0.ticks()),
                    peaks.threads(), peaks.rssBytes(), peaks.samples(), peaks.cpuNanos());
        };
    }
}
