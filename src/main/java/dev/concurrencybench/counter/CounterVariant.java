package dev.concurrencybench.counter;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Every way this suite shares a counter between workers: the Python notebook's four (naive
 * memory, a file, a file with a lock, a queue) plus Java's two lock-free answers. Benchmarks take it as a
 * bare {@code @Param variant}; tests iterate it with {@code @EnumSource}.
 */
public enum CounterVariant {
    /** A plain field: loses updates across threads; across processes each worker has its own copy. */
    NAIVE(false, false) {
        @Override
        public Counter create(Path dir, Across across) {
            return new NaiveCounter();
        }

        @Override
        public Counter attach(Path address) {
            return new NaiveCounter();
        }
    },
    /** A text file read then rewritten, with no lock: loses updates. */
    FILE(false, true) {
        @Override
        public Counter create(Path dir, Across across) throws IOException {
            return FileCounter.create(dir, false);
        }

        @Override
        public Counter attach(Path address) throws IOException {
            return FileCounter.attach(address, false);
        }
    },
    /** The same file under FileChannel.lock() (plus an in-JVM lock for threads): exact. */
    FILE_LOCKED(true, true) {
        @Override
        public Counter create(Path dir, Across across) throws IOException {
            return FileCounter.create(dir, true);
        }

        @Override
        public Counter attach(Path address) throws IOException {
            return FileCounter.attach(address, true);
        }
    },
    /** A token taken from a queue and put back + 1; across processes the parent hosts the queue. */
    QUEUE(true, true) {
        @Override
        public Counter create(Path dir, Across across) throws IOException {
            return across == Across.PROCESSES ? QueueHost.open(dir) : new QueueCounter();
        }

        @Override
        public Counter attach(Path address) throws IOException {
            return SocketQueueCounter.attach(address);
        }
    },
    /** An AtomicLong: exact across threads, but a heap object, so not shared across processes. */
    ATOMIC(true, false) {
        @Override
        public Counter create(Path dir, Across across) {
            return new AtomicCounter();
        }

        @Override
        public Counter attach(Path address) {
            return new AtomicCounter();
        }
    },
    /** A memory-mapped file with a VarHandle compare-and-set: exact across threads and processes. */
    MMAP_CAS(true, true) {
        @Override
        public Counter create(Path dir, Across across) throws IOException {
            return MmapCasCounter.create(dir);
        }

        @Override
        public Counter attach(Path address) throws IOException {
            return MmapCasCounter.attach(address);
        }
    };

    private final boolean indivisible;
    private final boolean crossesProcesses;

    CounterVariant(boolean indivisible, boolean crossesProcesses) {
        this.indivisible = indivisible;
        this.crossesProcesses = crossesProcesses;
    }

    /** The count in {@code dir} (or in memory), at 0, as the owner of the run holds it. */
    public abstract Counter create(Path dir, Across across) throws IOException;

    /**
     * A worker process's handle on the owner's count at {@code address}. Variants that cannot be
     * shared ({@link #sharedIn} false) ignore the address and return a private count of their own.
     */
    public abstract Counter attach(Path address) throws IOException;

    /** Whether all workers {@code across} threads or processes increment one and the same count. */
    public boolean sharedIn(Across across) {
        return across == Across.THREADS || crossesProcesses;
    }

    /** Whether N workers × k increments {@code across} threads or processes always end at exactly N × k. */
    public boolean exactIn(Across across) {
        return indivisible && sharedIn(across);
    }
}
