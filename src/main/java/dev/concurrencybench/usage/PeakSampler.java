package dev.concurrencybench.usage;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * Samples the OS threads of one process and the resident memory of that process plus its
 * descendants, and keeps the peaks. The first and the last sample are taken by the caller of
 * {@link #start()} and {@link #stop()}, which in JMH run outside the timed part of an iteration;
 * in between, a daemon thread samples. A sample reads one small {@code status} file per process.
 * The thread keeps its cost within a budget of 1/{@link #BUDGET_RATIO} (0.5%) of one core: it
 * samples every period, but never so often that its CPU time so far exceeds that share, unless
 * that would leave more than {@link #MAX_PERIOD} between samples.
 *
 * <p>The processes summed are the tree as listed when the window opened, plus the process's
 * children as listed again during it (a worker JVM per task starts after the window opens). A
 * listing reads one file per thread of the process (or per process on the machine, when that is
 * fewer), so it is repeated at most every {@link #RESCAN} and never sooner than the cheapest
 * listing so far times the same ratio (the cheapest, so that one slow listing does not stretch the
 * wait), but at least every {@link #MAX_RESCAN}. A grandchild started
 * during the window is not seen; none of this suite's models starts one. The sampler's own thread
 * is not counted in the thread peak; its CPU time is reported beside the peaks.
 */
final class PeakSampler {

    static final Duration RESCAN = Duration.ofMillis(50);
    /** However dear a listing, a worker JVM per task lives longer than this, so it is seen. */
    static final Duration MAX_RESCAN = Duration.ofMillis(500);
    /** Wall time per unit of the sampler's own CPU time: 200 is 0.5% of one core. */
    static final int BUDGET_RATIO = 200;
    static final Duration MAX_PERIOD = Duration.ofMillis(100);

    /**
     * The peaks, and what taking them cost.
     *
     * @param cpuNanos     the sampler thread's CPU time from its start until just before it ends; -1 where
     *                     the JVM cannot tell
     * @param listingNanos the cheapest listing of children so far, for the next sampler of the same work
     */
    record Peaks(int threads, long rssBytes, int samples, long cpuNanos, long listingNanos) {
    }

    private final ProcFs proc;
    private final long pid;
    private final long periodNanos;
    /** 1 when sampling this JVM, whose thread count includes the sampler thread while it runs. */
    private final int ownThreads;
    private final Thread thread;
    private volatile boolean stopping;

    // Guarded by this: samples come from the caller and from the thread.
    /** The whole tree as listed when the window opened. */
    private List<Long> tree;
    /** The process's children as last listed. */
    private List<Long> children = List.of();
    private int threadsNow;
    private long listingNanos;
    private long nextRescan;
    private int peakThreads;
    private long peakRssKiB;
    private int samples;
    // Written by the thread, read after it has been joined.
    private long cpuNanos;

    PeakSampler(ProcFs proc, long pid, Duration period) {
        this(proc, pid, period, null, 0);
    }

    /**
     * @param descendants as just listed (it spares the first sample a listing), or null
     * @param listingNanos the cheapest listing of children a previous sampler of the same work saw, so
     *                     that a listing known to be dear (10,000 threads) is not repeated in every
     *                     iteration; 0 if none, and then the first sample lists them (and learns the cost)
     */
    PeakSampler(ProcFs proc, long pid, Duration period, List<Long> descendants, long listingNanos) {
        this.proc = proc;
        this.pid = pid;
        this.periodNanos = period.toNanos();
        this.tree = descendants;
        this.listingNanos = listingNanos;
        this.nextRescan = System.nanoTime() + (listingNanos == 0 ? 0 : rescanWait());
        this.ownThreads = pid == ProcessHandle.current().pid() ? 1 : 0;
        this.thread = Thread.ofPlatform().name("usage-sampler").daemon(true).unstarted(this::run);
    }

    /** Takes the first sample and starts the thread. */
    PeakSampler start() {
        sample();
        thread.start();
        return this;
    }

    /** Takes the last sample, ends the thread and returns the peaks. */
    Peaks stop() {
        sample();
        stopping = true;
        LockSupport.unpark(thread);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the usage sampler", e);
        }
        synchronized (this) {
            return new Peaks(peakThreads, peakRssKiB * 1024, samples, cpuNanos, listingNanos);
        }
    }

    private void run() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean measured = threads.isCurrentThreadCpuTimeSupported();
        long start = System.nanoTime();
        long used0 = measured ? threads.getCurrentThreadCpuTime() : 0;
        while (true) {
            long used = measured ? threads.getCurrentThreadCpuTime() - used0 : 0;
            long budgeted = start + used * BUDGET_RATIO - System.nanoTime();
            LockSupport.parkNanos(Math.min(MAX_PERIOD.toNanos(), Math.max(periodNanos, budgeted)));
            if (stopping) {
                break;
            }
            sample();
        }
        cpuNanos = measured ? threads.getCurrentThreadCpuTime() : -1;
    }

    synchronized void sample() {
        long now = System.nanoTime();
        if (tree == null) {
            tree = proc.descendants(pid);
        } else if (now - nextRescan >= 0) {
            children = proc.children(pid, threadsNow);
            // With 10,000 threads one listing takes 10,000 reads: list again only once it has paid off.
            long cost = Math.max(System.nanoTime() - now, 1);
            listingNanos = listingNanos == 0 ? cost : Math.min(listingNanos, cost);
            nextRescan = now + rescanWait();
        }
        Optional<ProcStatus> self = proc.status(pid);
        if (self.isEmpty()) {
            return;
        }
        threadsNow = self.get().threads();
        long rss = self.get().rssKiB();
        for (long d : tree) {
            rss += rssKiB(d);
        }
        for (long c : children) {
            if (!tree.contains(c)) {
                rss += rssKiB(c);
            }
        }
        // Before start() and after join() the thread is not alive; stop() samples before join().
        peakThreads = Math.max(peakThreads, self.get().threads() - (thread.isAlive() ? ownThreads : 0));
        peakRssKiB = Math.max(peakRssKiB, rss);
        samples++;
    }

    private long rescanWait() {
        return Math.min(MAX_RESCAN.toNanos(), Math.max(RESCAN.toNanos(), listingNanos * BUDGET_RATIO));
    }

    private long rssKiB(long pid) {
        return proc.status(pid).map(ProcStatus::rssKiB).orElse(0L);
    }
}
