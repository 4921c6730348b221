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
 * them with its own annotation (the closest one wins). These defaults are the {@code full}
 * profile; {@code --profile quick} overrides them from the command line (results/RunProfile).
 *
 * <p>Every operation here is long: a whole batch of tasks, 10 ms to a few seconds. So each
 * measured call is one sample ({@link Mode#SingleShotTime}): no timer overhead to amortise, and
 * JMH's JSON keeps every call in {@code rawData[fork][iteration]}, which {@code compare} resamples.
 * Four warm-up calls per fork: the JIT needs about that many batches before the task and
 * scheduling code is compiled (10,000 virtual threads take ~120 ms on the first calls, ~110 ms
 * after). Forks, not iterations, are what {@code compare} counts as independent samples, because
 * run-to-run variance (JMHSample_13) only shows across forks: five forks of four measured calls
 * detect a 10% change in a compared row 9 times in 10 (StatisticsSimulationTest; 3% fork-to-fork
 * and 5% call-to-call noise), and the whole suite stays near 20 minutes on two cores. More forks
 * cost a JVM start each (~0.7 s) plus their warm-up, so for a finer verdict run again and merge
 * the files in {@code compare} instead.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4)
@Measurement(iterations = 4)
@Fork(value = 5, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public abstract class BenchDefaults {
}
