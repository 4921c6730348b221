package dev.concurrencybench.counter;

import dev.concurrencybench.util.Checks;
import dev.concurrencybench.util.TempDirs;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Across THREADS: one counter handle shared by a fixed pool of {@code workers} platform threads,
 * made once and reused by every run. The workers of a run start together (a barrier), so they
 * really contend.
 */
public final class ThreadCounters implements CounterScenario {

    /** The longest a run may take before it is cancelled and fails. */
    static final Duration BOUND = Duration.ofMinutes(2);

    private final CounterVariant variant;
    private final int workers;
    private final Path dir;
    private final Counter counter;
    private final ExecutorService pool;

    private ThreadCounters(CounterVariant variant, int workers, Path dir, Counter counter) {
        this.variant = variant;
        this.workers = workers;
        this.dir = dir;
        this.counter = counter;
        this.pool = Executors.newFixedThreadPool(workers, Thread.ofPlatform().name("counter-thread-", 0).daemon(true).factory());
    }

    public static ThreadCounters open(CounterVariant variant, int workers) throws IOException {
        Checks.positive("workers", workers);
        Path dir = TempDirs.create(DIR_PREFIX);
        try {
            return new ThreadCounters(variant, workers, dir, variant.create(dir, Across.THREADS));
        } catch (IOException | RuntimeException e) {
            TempDirs.delete(dir);
            throw e;
        }
    }

    @Override
    public CounterOutcome run(int increments) throws Exception {
        return run(increments, Gap.NONE);
    }

    /** A run in which every increment calls {@code gap} between its read and its write. */
    public CounterOutcome run(int increments, Gap gap) throws Exception {
        Checks.positive("increments", increments);
        counter.reset();
        CyclicBarrier start = new CyclicBarrier(workers);
        List<Future<WorkerReport>> futures = new ArrayList<>(workers);
        for (int w = 0; w < workers; w++) {
            futures.add(pool.submit(() -> {
                start.await();
                long first = counter.increment(gap);
                long last = first;
                for (int i = 1; i < increments; i++) {
                    last = counter.increment(gap);
                }
                return new WorkerReport(increments, first, last + 1);
            }));
        }
        List<WorkerReport> reports = new ArrayList<>(workers);
        long deadline = System.nanoTime() + BOUND.toNanos();
        try {
            for (Future<WorkerReport> f : futures) {
                reports.add(f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException(variant + " across threads did not finish within " + BOUND, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(variant + " worker thread failed: " + e.getCause(), e.getCause());
        } finally {
            futures.forEach(f -> f.cancel(true));
        }
        return new CounterOutcome(variant, Across.THREADS, increments, counter.value(), reports);
    }

    @Override
    public CounterVariant variant() {
        return variant;
    }

    @Override
    public Across across() {
        return Across.THREADS;
    }

    @Override
    public int workers() {
        return workers;
    }

    @Override
    public Path dir() {
        return dir;
    }

    @Override
    public void close() {
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(BOUND.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("counter threads did not stop");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                counter.close();
            } catch (IOException e) {
                System.err.println("counter: close failed: " + e);
            }
            TempDirs.delete(dir);
        }
    }
}
