package dev.concurrencybench.counter;

/**
 * A plain field, read then written with no synchronisation: Python's {@code counter += 1} on a
 * global. Threads that share it lose updates (and the JIT may keep the field in a register across
 * a loop, losing more). A worker process gets its own copy, so the parent's stays 0.
 */
final class NaiveCounter implements Counter {

    // Deliberately neither volatile nor guarded. (64-bit HotSpot writes a long in one store.)
    private long value;

    @Override
    public long increment(Gap gap) throws Exception {
        long read = value;
        gap.between(read);
        value = read + 1;
        return read;
    }

    @Override
    public long value() {
        return value;
    }

    @Override
    public void reset() {
        value = 0;
    }
}
