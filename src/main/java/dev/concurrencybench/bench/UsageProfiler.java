package dev.concurrencybench.bench;

import dev.concurrencybench.usage.Usage;
import dev.concurrencybench.usage.UsageMeter;
import dev.concurrencybench.usage.UsageMetric;
import dev.concurrencybench.usage.UsageOptions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.profile.ProfilerException;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;
import org.openjdk.jmh.runner.IterationType;

/**
 * {@code -prof cpu}: what each measured iteration used besides time, as secondary metrics per
 * operation: {@code cpu.time} and {@code cpu.cores} of this JVM plus every descendant process,
 * {@code os.threads.peak} of this JVM and {@code rss.peak} of the whole tree, and {@code cpu.profiler},
 * the measuring's own CPU, which {@code cpu.time} leaves out (see usage/ and docs/costs.md). Only
 * measured iterations are reported. Per-operation figures combine across
 * iterations by their mean, peaks by their maximum; JMH keeps every iteration's figure in the
 * JSON's rawData either way.
 *
 * <p>Options, JMH style ({@code -prof cpu:periodMs=5;proc=/proc}): {@code periodMs} for the peak
 * sampler, {@code proc} for where /proc is, {@code off} to measure nothing.
 */
public final class UsageProfiler implements InternalProfiler {

    /** The name {@code Main} accepts for this class after {@code -prof}. */
    public static final String SHORT_NAME = "cpu";

    private final UsageMeter meter;
    private UsageMeter.Window window;

    /** For JMH's profiler discovery (META-INF/services), which lists it under {@code -lprof}. */
    public UsageProfiler() throws ProfilerException {
        this("");
    }

    public UsageProfiler(String options) throws ProfilerException {
        UsageOptions parsed;
        try {
            parsed = UsageOptions.parse(options);
        } catch (IllegalArgumentException e) {
            throw new ProfilerException("-prof " + SHORT_NAME + ": " + e.getMessage());
        }
        meter = parsed.off() ? null : UsageMeter.forThisJvm(parsed);
    }

    @Override
    public String getDescription() {
        return "CPU time and cores used by this JVM and its child processes, peak OS threads and resident memory"
                + " (from /proc; elsewhere the JVM alone). The jar's own entry point also takes -prof " + SHORT_NAME;
    }

    /**
     * Warm-up iterations are measured too, and the figures dropped: the profiler's own first runs
     * (class loading, the JIT compiling its code) then fall in warm-up, as the benchmark's do.
     */
    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        if (meter != null) {
            if (window != null) {
                window.stop(); // an iteration that failed before afterIteration left it open
            }
            window = meter.start();
        }
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        if (window == null) {
            return List.of();
        }
        Usage usage = window.stop();
        window = null;
        if (iterationParams.getType() != IterationType.MEASUREMENT) {
            return List.of();
        }
        long ops = result.getMetadata() == null ? 1 : result.getMetadata().getAllOps();
        List<Result> out = new ArrayList<>();
        for (UsageMetric m : UsageMetric.values()) {
            m.value(usage, ops).ifPresent(v -> out.add(new ScalarResult(m.label(), v, m.unit(usage.scope()),
                    m.peak() ? AggregationPolicy.MAX : AggregationPolicy.AVG)));
        }
        return out;
    }

    /**
     * JMH's arguments with {@code -prof cpu[:options]} spelled as this class's name (JMH resolves
     * only its own profilers by short name), and this profiler once: when it is named more than once
     * (a run profile's and the user's own), the last, which carries the user's options, is kept.
     * Throws IllegalArgumentException (one line) when its options are wrong, before JMH starts.
     */
    public static List<String> resolveShortName(List<String> args) {
        List<String> out = new ArrayList<>();
        int keep = -1;
        for (int i = 0; i + 1 < args.size(); i++) {
            if (args.get(i).equals("-prof") && isThis(args.get(i + 1))) {
                keep = i;
            }
        }
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("-prof") && i + 1 < args.size() && isThis(args.get(i + 1))) {
                if (i == keep) {
                    String value = args.get(i + 1);
                    int colon = value.indexOf(':');
                    try {
                        UsageOptions.parse(colon < 0 ? "" : value.substring(colon + 1));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("-prof " + SHORT_NAME + ": " + e.getMessage(), e);
                    }
                    out.add("-prof");
                    out.add(UsageProfiler.class.getName() + (colon < 0 ? "" : value.substring(colon)));
                }
                i++;
            } else {
                out.add(args.get(i));
            }
        }
        return out;
    }

    private static boolean isThis(String profiler) {
        int colon = profiler.indexOf(':');
        String name = colon < 0 ? profiler : profiler.substring(0, colon);
        return name.equals(SHORT_NAME) || name.equals(UsageProfiler.class.getName());
    }
}
