package dev.concurrencybench.machine;

import dev.concurrencybench.task.Fib;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Measures each CPU's speed with the suite's own CPU kernel ({@link Fib#fib}, the code every fib
 * task runs), pinned to that CPU, in interleaved rounds: round r visits every CPU once, starting one
 * CPU further along each round, so a slow moment of the machine hits all CPUs alike and no CPU is
 * always first after the JIT or a migration.
 *
 * <p>Cost: a quarter second of warm-up, so that the JIT's compilation of fib is over before
 * anything is timed, then {@link #ROUNDS} rounds sized to take about 1.5 s together (each sample
 * at least 10 ms, so a machine with many CPUs takes longer): under 2 s on two cores.
 */
public final class CoreChecker {

    /** The kernel's n: one call is a few milliseconds on a current core, short enough to fit many in a sample. */
    static final int FIB_N = 30;
    /** Nine, so that the interquartile range leaves out the two fastest and the two slowest rounds of each CPU. */
    static final int ROUNDS = 9;
    private static final long WARM_UP_NANOS = 250_000_000L;
    private static final long MEASURE_NANOS = 1_500_000_000L;
    private static final long MIN_SAMPLE_NANOS = 10_000_000L;

    /** Where results go so that the JIT cannot drop the work as dead code. */
    private static volatile long sink;

    private CoreChecker() {
    }

    /**
     * Measures {@code cpus}, pinned one at a time when pinning works here, else unpinned (the
     * result's {@code pinnedWith} is then null). The calling thread's own affinity is restored.
     */
    public static CoreCheck measure(CpuList cpus) {
        if (Thread.currentThread().isVirtual()) {
            throw new IllegalStateException("the core check pins its thread; run it on a platform thread");
        }
        Optional<String> pinnedWith = Affinity.method();
        int reps = warmUpAndCalibrate(cpus.size());
        double[][] samples = new double[cpus.size()][ROUNDS];
        CpuList own = pinnedWith.isPresent() ? Affinity.ofCurrentThread() : null;
        long sum = 0;
        try {
            for (int r = 0; r < ROUNDS; r++) {
                for (int k = 0; k < cpus.size(); k++) {
                    int i = (k + r) % cpus.size();
                    if (own != null) {
                        Affinity.pinCurrentThread(CpuList.of(cpus.cpus().get(i)));
                    }
                    long start = System.nanoTime();
                    for (int j = 0; j < reps; j++) {
                        sum += Fib.fib(FIB_N);
                    }
                    samples[i][r] = (System.nanoTime() - start) / 1e6 / reps;
                }
            }
        } finally {
            if (own != null) {
                Affinity.pinCurrentThread(own);
            }
        }
        sink = sum;
        return CoreCheck.of(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), "fib(" + FIB_N + ")", reps,
                pinnedWith.orElse(null), cpus, samples);
    }

    /** Runs the kernel until the warm-up time is over; returns the calls per sample for the measuring budget. */
    private static int warmUpAndCalibrate(int cpuCount) {
        long sum = 0;
        long begin = System.nanoTime();
        long best = Long.MAX_VALUE;
        long now = begin;
        while (now - begin < WARM_UP_NANOS) {
            sum += Fib.fib(FIB_N);
            long after = System.nanoTime();
            best = Math.min(best, after - now);
            now = after;
        }
        sink = sum;
        long perSample = Math.max(MIN_SAMPLE_NANOS, MEASURE_NANOS / ((long) ROUNDS * cpuCount));
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, perSample / Math.max(1, best)));
    }
}
