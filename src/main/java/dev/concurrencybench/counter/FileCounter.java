package dev.concurrencybench.counter;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The count as text in a file: read it, write it + 1. Without a lock (FILE) two workers can read
 * the same number and both write the same successor, so updates are lost. With one (FILE_LOCKED)
 * the read-modify-write holds {@link FileChannel#lock()} on the file; both do the same I/O, so
 * their speeds differ only by the lock.
 *
 * <p>The number is always {@value #WIDTH} bytes (zero-padded digits and a newline) written in place
 * at offset 0 by one positional write, never truncated first: a reader sees a whole number, either
 * the old one or the new one (POSIX read/write atomicity on a regular file), never an empty file.
 * So the only thing that can go wrong without the lock is the lost update the lesson is about.
 * (Truncating and rewriting, or writing a temp file and renaming it, would do too, but each costs
 * far more than the write itself, and the benchmark would measure the file system.)
 */
final class FileCounter implements Counter {

    static final int WIDTH = 20;
    static final String NAME = "count.txt";

    private final Path file;
    private final boolean locked;
    /** One channel per handle, kept open: closing any channel on a file releases this process's locks on it. */
    private final FileChannel channel;
    /**
     * FileLock is held per process, not per thread: a second {@code lock()} from another thread of
     * this JVM does not wait, it throws OverlappingFileLockException. So threads sharing this handle
     * first take this in-JVM lock, and only its holder takes the OS lock, which excludes the other
     * processes.
     */
    private final ReentrantLock jvmLock = new ReentrantLock();

    private FileCounter(Path file, boolean locked) throws IOException {
        this.file = file;
        this.locked = locked;
        this.channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    /** Creates the count file at 0 in {@code dir}. */
    static FileCounter create(Path dir, boolean locked) throws IOException {
        Path file = dir.resolve(NAME);
        Files.write(file, encode(0));
        return new FileCounter(file, locked);
    }

    /** Attaches to a count file another process created. */
    static FileCounter attach(Path file, boolean locked) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no count file at " + file);
        }
        return new FileCounter(file, locked);
    }

    @Override
    public long increment(Gap gap) throws Exception {
        if (!locked) {
            return readModifyWrite(gap);
        }
        jvmLock.lock();
        try {
            FileLock osLock = channel.lock();
            try {
                return readModifyWrite(gap);
            } finally {
                osLock.release();
            }
        } finally {
            jvmLock.unlock();
        }
    }

    private long readModifyWrite(Gap gap) throws Exception {
        long read = read();
        gap.between(read);
        write(read + 1);
        return read;
    }

    private long read() throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(WIDTH);
        while (buf.hasRemaining() && channel.read(buf, buf.position()) >= 0) {
            // a regular file returns all WIDTH bytes at once; loop only for the contract
        }
        String text = new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII).strip();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IOException("count file " + file + " holds '" + text + "', not a number", e);
        }
    }

    private void write(long value) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(encode(value));
        while (buf.hasRemaining()) {
            channel.write(buf, buf.position());
        }
    }

    /** Zero-padded digits and a newline, always WIDTH bytes (a long has at most 19 digits). */
    private static byte[] encode(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("a count is never negative: " + value);
        }
        byte[] bytes = new byte[WIDTH];
        bytes[WIDTH - 1] = '\n';
        long rest = value;
        for (int i = WIDTH - 2; i >= 0; i--) {
            bytes[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        return bytes;
    }

    @Override
    public long value() throws IOException {
        return read();
    }

    @Override
    public void reset() throws IOException {
        write(0);
    }

    @Override
    public Optional<Path> address() {
        return Optional.of(file);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
