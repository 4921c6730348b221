package dev.concurrencybench.counter;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/** A worker process's handle on the parent's {@link QueueHost}: take the token, put back + 1. */
final class SocketQueueCounter implements Counter {

    private final SocketChannel channel;
    private final DataInputStream in;
    private final DataOutputStream out;

    private SocketQueueCounter(SocketChannel channel) {
        this.channel = channel;
        this.in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel)));
        this.out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel)));
    }

    static SocketQueueCounter attach(Path socket) throws IOException {
        SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            c.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            c.close();
            throw e;
        }
        return new SocketQueueCounter(c);
    }

    @Override
    public long increment(Gap gap) throws Exception {
        out.write(QueueHost.TAKE);
        out.flush();
        long read = in.readLong();
        long next = read;
        try {
            gap.between(read);
            next = read + 1;
            return read;
        } finally {
            out.write(QueueHost.PUT);
            out.writeLong(next);
            out.flush();
        }
    }

    /** Only the host can see the token at rest. */
    @Override
    public long value() {
        throw new UnsupportedOperationException("a worker cannot read the host's queue");
    }

    @Override
    public void reset() {
        throw new UnsupportedOperationException("only the host resets the queue");
    }

    /** Waits until the host has handled every put we sent, so the count is final when we report. */
    @Override
    public void close() throws IOException {
        try (channel) {
            out.write(QueueHost.SYNC);
            out.flush();
            if (in.read() != QueueHost.SYNC) {
                throw new IOException("counter queue host did not confirm");
            }
        }
    }
}
