package dev.concurrencybench.counter;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Eight bytes of a memory-mapped file, incremented with a compare-and-set through a VarHandle:
 * Java's answer to {@code multiprocessing.Value}. Every process that maps the file shares the same
 * physical page, and the CPU's CAS is atomic across processes as well as threads. A worker that
 * read a stale value fails its CAS and retries, so no update is lost; a worker killed between its
 * read and its CAS holds nothing, so the others carry on.
 */
final class MmapCasCounter implements Counter {

    static final int SIZE = Long.BYTES;
    // Views the mapped bytes as a long; atomic modes need a direct buffer and an aligned index
    // (a mapping starts on a page boundary).
    private static final VarHandle LONG = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());

    private final Path file;
    private final MappedByteBuffer buffer;

    private MmapCasCounter(Path file) throws IOException {
        this.file = file;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            // The mapping stays valid after the channel closes.
            this.buffer = ch.map(FileChannel.MapMode.READ_WRITE, 0, SIZE);
        }
    }

    static MmapCasCounter create(Path dir) throws IOException {
        Path file = dir.resolve("count.mmap");
        Files.write(file, new byte[SIZE]);
        return new MmapCasCounter(file);
    }

    static MmapCasCounter attach(Path file) throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) < SIZE) {
            throw new IllegalArgumentException("no " + SIZE + "-byte counter file at " + file);
        }
        return new MmapCasCounter(file);
    }

    @Override
    public long increment(Gap gap) throws Exception {
        long read = (long) LONG.getVolatile(buffer, 0);
        gap.between(read);
        // The gap runs once; a failed CAS means someone wrote since our read, so read again.
        while (!LONG.compareAndSet(buffer, 0, read, read + 1)) {
            read = (long) LONG.getVolatile(buffer, 0);
        }
        return read;
    }

    @Override
    public long value() {
        return (long) LONG.getVolatile(buffer, 0);
    }

    @Override
    public void reset() {
        LONG.setVolatile(buffer, 0, 0L);
    }

    @Override
    public Optional<Path> address() {
        return Optional.of(file);
    }
}
