package dev.concurrencybench.counter;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The parent's side of QUEUE across processes, like the manager behind {@code multiprocessing.Queue}:
 * the token lives in this JVM's queue, and each worker process borrows it over a Unix domain
 * socket. One handler thread per connection serves a tiny binary protocol:
 * {@code 'T'} takes the token (the reply is the 8-byte value), {@code 'P' <8 bytes>} puts one back,
 * {@code 'S'} is answered with {@code 'S'} once everything the worker sent before it is done.
 *
 * <p>A worker that dies while holding the token would strand everyone else; the handler sees its
 * connection end and puts the token back unchanged, as the OS releases a dead process's file lock.
 */
final class QueueHost extends QueueCounter {

    static final int TAKE = 'T';
    static final int PUT = 'P';
    static final int SYNC = 'S';

    private final Path socket;
    private final ServerSocketChannel server;
    private final Thread acceptor;
    private final List<SocketChannel> connections = new ArrayList<>();
    private final List<Thread> handlers = new ArrayList<>();
    private boolean closed;

    private QueueHost(Path socket) throws IOException {
        this.socket = socket;
        this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        this.acceptor = Thread.ofPlatform().name("counter-queue-accept").daemon(true).start(this::acceptLoop);
    }

    static QueueHost open(Path dir) throws IOException {
        return new QueueHost(dir.resolve("queue.sock"));
    }

    private void acceptLoop() {
        try {
            while (true) {
                SocketChannel c = server.accept();
                synchronized (this) {
                    if (closed) {
                        c.close();
                        return;
                    }
                    connections.add(c);
                    handlers.add(Thread.ofPlatform().name("counter-queue-conn").daemon(true).start(() -> serve(c)));
                }
            }
        } catch (ClosedChannelException e) {
            // closed by close(): done
        } catch (IOException e) {
            if (!closed) {
                System.err.println("counter queue: accept failed: " + e);
            }
        }
    }

    private void serve(SocketChannel c) {
        Long held = null;
        try (c) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(c)));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(c)));
            while (true) {
                int op = in.read();
                if (op < 0) {
                    return;
                }
                switch (op) {
                    case TAKE -> {
                        held = take();
                        out.writeLong(held);
                        out.flush();
                    }
                    case PUT -> {
                        long token = in.readLong();
                        if (held == null) {
                            throw new IOException("put without take");
                        }
                        held = null;
                        putBack(token);
                    }
                    case SYNC -> {
                        out.write(SYNC);
                        out.flush();
                    }
                    default -> throw new IOException("unknown op " + op);
                }
            }
        } catch (EOFException | ClosedChannelException | InterruptedException e) {
            // The worker went away, or we are closing.
        } catch (IOException e) {
            if (!closed) {
                System.err.println("counter queue: connection failed: " + e);
            }
        } finally {
            if (held != null) {
                putBack(held);
            }
            // Workers connect once per run: forget finished connections so a long benchmark does not pile them up.
            synchronized (this) {
                connections.remove(c);
                handlers.remove(Thread.currentThread());
            }
        }
    }

    @Override
    public Optional<Path> address() {
        return Optional.of(socket);
    }

    @Override
    public void close() throws IOException {
        List<Thread> toJoin;
        synchronized (this) {
            closed = true;
            server.close();
            for (SocketChannel c : connections) {
                c.close();
            }
            toJoin = new ArrayList<>(handlers);
            toJoin.add(acceptor);
        }
        for (Thread t : toJoin) {
            t.interrupt();
        }
        try {
            for (Thread t : toJoin) {
                t.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Files.deleteIfExists(socket);
    }
}
