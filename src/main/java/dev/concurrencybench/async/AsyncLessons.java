package dev.concurrencybench.async;

import dev.concurrencybench.task.Sleep;
import dev.concurrencybench.util.Checks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The Python notebook's asyncio lessons in CompletableFuture form, on an explicit single-thread
 * "event loop" and one timer thread (never the common pool):
 * <ul>
 *   <li>awaiting one job at a time takes N x D; gathering them takes D;</li>
 *   <li>a blocking sleep inside code on the event loop serialises everything: N x D again;</li>
 *   <li>errors: fail-fast surfaces the first failure's cause; collect-all (asyncio's
 *       {@code gather(..., return_exceptions=True)}) returns the sum of the successes and every
 *       failure.</li>
 * </ul>
 * Job {@code i} (0-based) yields the count {@code i + 1} after sleeping D.
 */
public final class AsyncLessons implements AutoCloseable {

    private final ExecutorService loop = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("event-loop").daemon(true).factory());
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("async-timer").daemon(true).factory());
    private final Duration delay;
    private final Wait wait;

    /** How a job waits D without holding a thread: it runs {@code then} once its wait is over. */
    @FunctionalInterface
    interface Wait {
        void then(int job, Runnable then);
    }

    /** Jobs of {@code sleepMillis} each, each waiting on the timer thread. */
    public AsyncLessons(long sleepMillis) {
        this.delay = Sleep.ofMillis(sleepMillis).duration();
        this.wait = (job, then) -> timer.schedule(then, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** For tests: the jobs wait on {@code wait} instead, which decides when each is over. */
    AsyncLessons(long sleepMillis, Wait wait) {
        this.delay = Sleep.ofMillis(sleepMillis).duration();
        this.wait = wait;
    }

    /** A job's outcome once all have settled: the successes' sum and every failure, in job order. */
    public record Gathered(long sumOfSuccesses, List<Throwable> failures) {
    }

    /** Job {@code i}: waits D without blocking a thread, then yields i + 1 or fails. */
    CompletableFuture<Long> job(int i, boolean fails) {
        CompletableFuture<Long> done = new CompletableFuture<>();
        wait.then(i, () -> {
            if (fails) {
                done.completeExceptionally(new JobFailedException(i));
            } else {
                done.complete(i + 1L);
            }
        });
        // Continue on the event loop, as an awaiting coroutine would.
        return done.thenApplyAsync(v -> v, loop);
    }

    /** {@code await job(0); await job(1); ...}: N x D. */
    public long awaitOneAtATime(int jobs) {
        Checks.positive("tasks", jobs);
        long sum = 0;
        for (int i = 0; i < jobs; i++) {
            sum += job(i, false).join();
        }
        return sum;
    }

    /** {@code await gather(job(0), ..., job(N-1))}: D. */
    public long gatherAll(int jobs) {
        return sumAll(start(jobs, -1)).join();
    }

    /** Jobs that call Thread.sleep on the event loop itself: the loop can run one at a time, N x D. */
    public long blockingSleepInEventLoop(int jobs) {
        Checks.positive("tasks", jobs);
        List<CompletableFuture<Long>> futures = new ArrayList<>(jobs);
        for (int i = 0; i < jobs; i++) {
            long count = i + 1L;
            futures.add(CompletableFuture.supplyAsync(() -> {
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CompletionException(e);
                }
                return count;
            }, loop));
        }
        return sumAll(futures).join();
    }

    /**
     * Gathers N jobs of which job {@code failing} fails, and propagates that failure as soon as it
     * happens: the caller gets the job's own exception, not a wrapper.
     */
    public long failFast(int jobs, int failing) {
        CompletableFuture<Long> all = sumAll(start(jobs, failing));
        try {
            return all.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** Waits for all N jobs, even those that fail, and keeps every outcome. */
    public Gathered collectAll(int jobs, int failing) {
        List<CompletableFuture<Long>> futures = start(jobs, failing);
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        long sum = 0;
        List<Throwable> failures = new ArrayList<>();
        for (CompletableFuture<Long> f : futures) {
            try {
                sum += f.join();
            } catch (CompletionException e) {
                failures.add(e.getCause());
            }
        }
        return new Gathered(sum, List.copyOf(failures));
    }

    private List<CompletableFuture<Long>> start(int jobs, int failing) {
        Checks.positive("tasks", jobs);
        if (failing >= jobs) {
            throw new IllegalArgumentException("failing job " + failing + " is not among the " + jobs + " jobs");
        }
        List<CompletableFuture<Long>> futures = new ArrayList<>(jobs);
        for (int i = 0; i < jobs; i++) {
            futures.add(job(i, i == failing));
        }
        return futures;
    }

    /** Completes with the sum, or exceptionally as soon as any one future fails. */
    private static CompletableFuture<Long> sumAll(List<CompletableFuture<Long>> futures) {
        CompletableFuture<Long> result = new CompletableFuture<>();
        for (CompletableFuture<Long> f : futures) {
            f.whenComplete((v, e) -> {
                if (e != null) {
                    result.completeExceptionally(e instanceof CompletionException c && c.getCause() != null ? c.getCause() : e);
                }
            });
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).thenRun(() ->
                result.complete(futures.stream().mapToLong(CompletableFuture::join).sum()));
        return result;
    }

    @Override
    public void close() {
        for (ExecutorService e : List.of(timer, loop)) {
            e.shutdownNow();
            try {
                e.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The failure a job raises in the error-handling lessons. */
    public static final class JobFailedException extends RuntimeException {
        private final int job;

        public JobFailedException(int job) {
            super("job " + job + " failed");
            this.job = job;
        }

        public int job() {
            return job;
        }
    }
}
