package dev.concurrencybench.task;

import java.time.Duration;

/**
 * The IO-bound workload: a task that waits for {@code duration} without using a CPU, standing in
 * for a network or disk call. Its value is the duration in milliseconds.
 */
public record Sleep(Duration duration) implements WireTask {

    /** The one check of a sleep duration: every sleep parameter of the suite goes through it. */
    public Sleep {
        if (duration == null || duration.isNegative()) {
            throw new IllegalArgumentException("sleep duration must be >= 0 ms, got " + (duration == null ? "null" : duration.toMillis() + " ms"));
        }
    }

    public static Sleep ofMillis(long millis) {
        return new Sleep(Duration.ofMillis(millis));
    }

    @Override
    public long run() throws InterruptedException {
        Thread.sleep(duration);
        return duration.toMillis();
    }

    @Override
    public boolean blocks() {
        return true;
    }

    @Override
    public String wire() {
        return "sleep " + duration.toMillis();
    }
}
