package dev.concurrencybench.counter;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One handle on a counter that starts at 0. Across THREADS every worker thread shares one
 * handle; across PROCESSES the parent holds one (the host) and each worker JVM attaches its own
 * to the same {@linkplain #address() address}. Whether increments are lost depends on the
 * variant: that is the lesson.
 */
public interface Counter extends Closeable {

    /** One read-modify-write; returns the value it read (it wrote, or tried to write, that + 1). */
    long increment(Gap gap) throws Exception;

    default long increment() throws Exception {
        return increment(Gap.NONE);
    }

    /** The count as this handle sees it now; only meaningful while no increment is in flight. */
    long value() throws Exception;

    /** Sets the count back to 0; only while no increment is in flight. */
    void reset() throws Exception;

    /** Where another process attaches to the same count; empty when it cannot be shared at all. */
    default Optional<Path> address() {
        return Optional.empty();
    }

    @Override
    default void close() throws IOException {
    }
}
