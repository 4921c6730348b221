package dev.concurrencybench.task;

import java.time.Duration;

/**
 * The IO-bound workload: a task that waits for {@code duration} without using a CPU, standing in
 * for a network or disk call. Its value is the duration in milliseconds.
 */
public record Sleep(Duration duration) implements WireTask {

    public Sleep {
        if (duration == null || duration.isNegative()) {
            throw new IllegalArgumentException("sleep duration must be >= 0 ms, got " + (duration == null ? "null" : duration.toMillis() + " ms"));
        }
    }

    public static Sleep ofMillis(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("sleep duration must be >= 0 ms, got " + millis + " ms");
        }
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
