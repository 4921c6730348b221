package dev.concurrencybench.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The suite's defaults, in one place; a benchmark class or method that needs others overrides
 * them with its own annotation (the closest one wins).
 *
 * <p>Every operation here is long: a whole batch of tasks, 10 ms to a few seconds. So each
 * measured call is one sample ({@link Mode#SingleShotTime}): no timer overhead to amortise, and
 * JMH's JSON keeps every call in {@code rawData[fork][iteration]}, which {@code compare} resamples.
 * Two warm-up calls let the JIT compile the task code and the pools start their threads.
 * Forks, not iterations, are what {@code compare} counts as independent samples, since run-to-run
 * variance (JMHSample_13) only shows across forks: ten forks of three measured calls let it detect a
 * 10% change with about 80% power even among 60 rows under Holm-Bonferroni (3% fork-to-fork and
 * 5% call-to-call noise; see StatisticsSimulationTest). This is the {@code full} profile; the
 * {@code quick} one ({@code --profile quick}) overrides it from the command line.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 10, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public abstract class BenchDefaults {
}
