package dev.concurrencybench.counter;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The count is a token in a queue of one: take it, put back token + 1. Whoever holds the token
 * excludes everyone else, so no update is lost. Threads share this queue directly; across
 * processes {@link QueueHost} serves the same queue over a Unix domain socket.
 */
class QueueCounter implements Counter {

    private final BlockingQueue<Long> queue = new ArrayBlockingQueue<>(1);

    QueueCounter() {
        queue.add(0L);
    }

    @Override
    public long increment(Gap gap) throws Exception {
        long read = take();
        long next = read;
        try {
            gap.between(read);
            next = read + 1;
            return read;
        } finally {
            // On failure in the gap the token goes back unchanged: nothing was counted.
            putBack(next);
        }
    }

    final long take() throws InterruptedException {
        return queue.take();
    }

    final void putBack(long token) {
        if (!queue.offer(token)) {
            throw new IllegalStateException("a second token appeared in the counter queue");
        }
    }

    @Override
    public long value() {
        Long token = queue.peek();
        if (token == null) {
            throw new IllegalStateException("the token is out: an increment is in flight");
        }
        return token;
    }

    @Override
    public void reset() {
        queue.clear();
        queue.add(0L);
    }
}
