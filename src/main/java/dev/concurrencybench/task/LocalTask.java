package dev.concurrencybench.task;

/**
 * A task that exists only inside this JVM (for example one that waits on a latch to prove how
 * many tasks run at once). Thread-based models run it; process models reject it, because it has
 * no wire form.
 */
public non-sealed interface LocalTask extends Task {
}
