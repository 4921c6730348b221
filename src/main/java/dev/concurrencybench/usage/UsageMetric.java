package dev.concurrencybench.usage;

import java.util.OptionalDouble;

/**
 * The figures a {@link Usage} is reported as, per operation of the benchmark. Each has its name, its
 * unit, and a unit of its own for {@link Scope#JVM_ONLY}, so a result read without {@code /proc}
 * says so wherever it is shown.
 */
public enum UsageMetric {
    /** CPU time per operation. */
    CPU_TIME("cpu.time", "ms/op", "ms/op (jvm only)", false),
    /** CPU time over wall time: how many cores were kept busy on average. */
    CPU_CORES("cpu.cores", "cores", "cores (jvm only)", false),
    /** The most threads alive at once. */
    OS_THREADS_PEAK("os.threads.peak", "threads", "java threads (jvm only)", true),
    /** The most resident memory at once, in MB of 2^20 bytes (as JMH's gc profiler counts). */
    RSS_PEAK("rss.peak", "MB", null, true),
    /**
     * The measuring's own CPU time per operation, which {@code cpu.time} leaves out: reported so that
     * its cost can be bounded. None for {@link Scope#JVM_ONLY}, which neither measures nor leaves it out.
     */
    CPU_PROFILER("cpu.profiler", "ms/op", null, false);

    private final String label;
    private final String unit;
    private final String jvmOnlyUnit;
    private final boolean peak;

    UsageMetric(String label, String unit, String jvmOnlyUnit, boolean peak) {
        this.label = label;
        this.unit = unit;
        this.jvmOnlyUnit = jvmOnlyUnit;
        this.peak = peak;
    }

    /** The name results files use. */
    public String label() {
        return label;
    }

    public String unit(Scope scope) {
        return scope == Scope.PROCESS_TREE ? unit : jvmOnlyUnit;
    }

    /** A peak: iterations combine by their maximum; the others by their mean. */
    public boolean peak() {
        return peak;
    }

    /** The figure for a window in which {@code ops} operations ran; empty where the scope cannot tell. */
    public OptionalDouble value(Usage u, long ops) {
        long perOp = Math.max(ops, 1);
        return switch (this) {
            case CPU_TIME -> millisPerOp(u.cpuNanos(), perOp);
            case CPU_CORES -> u.cpuNanos() == Usage.UNKNOWN || u.wallNanos() <= 0 ? OptionalDouble.empty()
                    : OptionalDouble.of((double) u.cpuNanos() / u.wallNanos());
            case OS_THREADS_PEAK -> u.threadsPeak() < 0 ? OptionalDouble.empty() : OptionalDouble.of(u.threadsPeak());
            case RSS_PEAK -> u.rssPeakBytes() == Usage.UNKNOWN || unit(u.scope()) == null ? OptionalDouble.empty()
                    : OptionalDouble.of(u.rssPeakBytes() / (double) (1 << 20));
            case CPU_PROFILER -> unit(u.scope()) == null ? OptionalDouble.empty() : millisPerOp(u.ownCpuNanos(), perOp);
        };
    }

    private static OptionalDouble millisPerOp(long nanos, long perOp) {
        return nanos == Usage.UNKNOWN ? OptionalDouble.empty() : OptionalDouble.of(nanos / 1e6 / perOp);
    }
}
