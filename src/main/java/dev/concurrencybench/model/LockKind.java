package dev.concurrencybench.model;

import dev.concurrencybench.task.LocalTask;
import dev.concurrencybench.task.Sleep;
import dev.concurrencybench.task.Task;
import dev.concurrencybench.util.Checks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * How a task holds a lock while it sleeps. Each task has its own lock, so there is no contention:
 * the only cost left is what holding it does to a virtual thread. Sleeping inside
 * {@code synchronized} pins the virtual thread to its carrier on JDK 21-23, so N tasks take
 * ceil(N / carriers) sleeps; JDK 24+ (JEP 491) unmounts it like a ReentrantLock.
 */
public enum LockKind {
    MONITOR {
        @Override
        Task sleepHolding(Duration d) {
            Object lock = new Object();
            return new HoldingTask("monitor", d) {
                @Override
                public long run() throws InterruptedException {
                    synchronized (lock) {
                        Thread.sleep(d);
                    }
                    return d.toMillis();
                }
            };
        }
    },
    REENTRANT_LOCK {
        @Override
        Task sleepHolding(Duration d) {
            ReentrantLock lock = new ReentrantLock();
            return new HoldingTask("reentrant-lock", d) {
                @Override
                public long run() throws InterruptedException {
                    lock.lock();
                    try {
                        Thread.sleep(d);
                    } finally {
                        lock.unlock();
                    }
                    return d.toMillis();
                }
            };
        }
    };

    /** A task that sleeps {@code d} while holding a lock of this kind that no other task uses. */
    abstract Task sleepHolding(Duration d);

    /** {@code count} such tasks, each with its own lock. */
    public List<Task> tasks(int count, long sleepMillis) {
        Checks.positive("tasks", count);
        Duration d = Sleep.ofMillis(sleepMillis).duration();
        List<Task> tasks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            tasks.add(sleepHolding(d));
        }
        return tasks;
    }

    private abstract static class HoldingTask implements LocalTask {
        private final String kind;
        private final Duration duration;

        HoldingTask(String kind, Duration duration) {
            this.kind = kind;
            this.duration = duration;
        }

        @Override
        public boolean blocks() {
            return true;
        }

        @Override
        public String toString() {
            return "sleep " + duration.toMillis() + " ms holding a " + kind;
        }
    }
}
