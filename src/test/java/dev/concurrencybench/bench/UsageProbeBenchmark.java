package dev.concurrencybench.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Work of a known shape, for UsageProfilerTest only (it lives under src/test, so the shipped jar
 * does not list it): CPU on every core, a sleep, and N platform threads alive at once.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class UsageProbeBenchmark {

    /** One spinning thread per core, each until it has used {@code cpuMs} of CPU. */
    @State(Scope.Benchmark)
    public static class Spin {
        @Param("300")
        public long cpuMs;

        private ExecutorService pool;

        @Setup(Level.Trial)
        public void open() {
            pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        }

        @TearDown(Level.Trial)
        public void close() {
            pool.close();
        }
    }

    @State(Scope.Benchmark)
    public static class Sleep {
        @Param("300")
        public long sleepMs;
    }

    /** {@code threads} platform threads that stay alive together for {@code holdMs}. */
    @State(Scope.Benchmark)
    public static class Hold {
        @Param("64")
        public int threads;

        @Param("200")
        public long holdMs;
    }

    @Benchmark
    public long spinOnEveryCore(Spin s) throws Exception {
        List<Future<Long>> spins = new ArrayList<>();
        for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
            spins.add(s.pool.submit(() -> spin(s.cpuMs)));
        }
        long sum = 0;
        for (Future<Long> f : spins) {
            sum += f.get();
        }
        return sum;
    }

    @Benchmark
    public long sleep(Sleep s) throws InterruptedException {
        Thread.sleep(s.sleepMs);
        return s.sleepMs;
    }

    /** Creating the threads is the point: they are what the profiler must count. */
    @Benchmark
    public int startAndHoldPlatformThreads(Hold h) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(h.threads);
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < h.threads; i++) {
            threads.add(Thread.ofPlatform().start(() -> {
                started.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        started.await();
        Thread.sleep(h.holdMs);
        release.countDown();
        for (Thread t : threads) {
            t.join();
        }
        return threads.size();
    }

    private static long spin(long cpuMs) {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        long until = bean.getCurrentThreadCpuTime() + cpuMs * 1_000_000L;
        long x = 1;
        while (bean.getCurrentThreadCpuTime() < until) {
            for (int i = 0; i < 10_000; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
            }
        }
        return x;
    }
}
