package dev.concurrencybench.counter;

import java.util.concurrent.atomic.AtomicLong;

/**
 * An AtomicLong: exact across threads, since read and write are one indivisible step (so there is
 * no gap; the gap runs after the increment). It lives in one JVM's heap, so a worker process
 * only ever increments its own copy.
 */
final class AtomicCounter implements Counter {

    private final AtomicLong value = new AtomicLong();

    @Override
    public long increment(Gap gap) throws Exception {
        long read = value.getAndIncrement();
        gap.between(read);
        return read;
    }

    @Override
    public long value() {
        return value.get();
    }

    @Override
    public void reset() {
        value.set(0);
    }
}
