package dev.concurrencybench.usage;

/**
 * What one measured window used.
 *
 * @param wallNanos        elapsed time of the window
 * @param cpuNanos         CPU time, user plus system, in the window, less the profiler's own ({@link #UNKNOWN} if
 *                         the platform cannot tell). CPU times are read in 10 ms ticks, so for a nearly idle
 *                         window, once the profiler's exactly measured share is taken out, it may be below 0.
 * @param threadsPeak      most threads seen at once (OS threads, or Java platform threads for {@link Scope#JVM_ONLY})
 * @param rssPeakBytes     most resident memory seen at once, summed over the processes; {@link #UNKNOWN} if unknown
 * @param samples          samples the peak sampler took (0 when peaks needed no sampling)
 * @param ownCpuNanos      CPU time the measuring itself used in the window (reading /proc, sampling),
 *                         measured with per-thread clocks and left out of {@code cpuNanos}; {@link #UNKNOWN}
 *                         where it is not measured (no /proc, or no per-thread clocks), and then nothing is
 *                         left out
 */
public record Usage(Scope scope, long wallNanos, long cpuNanos, int threadsPeak, long rssPeakBytes,
                    int samples, long ownCpuNanos) {

    /** A figure the platform cannot give. */
    public static final long UNKNOWN = Long.MIN_VALUE;
}
