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
 * Five warm-up calls let the JIT compile the task code and the pools start their threads; ten
 * measured calls per fork and two forks give twenty samples from two independent JVMs, since
 * run-to-run variance (JMHSample_13) only shows across forks. On two cores the whole suite stays
 * within the time the README gives.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public abstract class BenchDefaults {
}
