package dev.concurrencybench.process;

import dev.concurrencybench.task.WireTask;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The entry point of a worker JVM: says hello, then runs each {@code run} request from stdin on
 * its main thread and answers on stdout, as {@link Protocol} describes, until stdin ends.
 *
 * <p>Its start-up is on the measured path of every process-per-task call, so it stays cheap: it
 * touches only JDK classes that the default CDS archive already holds plus the few task classes
 * it runs; no JMH class, no lambda, no string concatenation ({@code +} on strings compiles to an
 * invokedynamic whose first use costs milliseconds), and nothing before the hello but the PID.
 */
public final class WorkerMain {

    private WorkerMain() {
    }

    public static void main(String[] args) throws IOException {
        OutputStream out = new FileOutputStream(FileDescriptor.out);
        StringBuilder line = new StringBuilder(64);
        line.append(Protocol.HELLO).append(' ').append(Protocol.VERSION).append(' ').append(pid());
        send(out, line);
        LineReader in = new LineReader(new FileInputStream(FileDescriptor.in));
        String request;
        while ((request = in.readLine()) != null) {
            answer(request, line);
            send(out, line);
        }
    }

    /**
     * This process's PID. On Linux {@code /proc/self} names it for the price of one system call;
     * ProcessHandle's class initialiser builds a thread pool through lambdas, a large share of a
     * worker's start, so it is only the fallback.
     */
    static long pid() {
        File self = new File("/proc/self");
        try {
            if (self.exists()) {
                return Long.parseLong(self.getCanonicalFile().getName());
            }
        } catch (IOException | NumberFormatException e) {
            // fall through to the portable way
        }
        return ProcessHandle.current().pid();
    }

    /** Puts the reply to {@code request} in {@code reply}. */
    static void answer(String request, StringBuilder reply) {
        reply.setLength(0);
        int idEnd = request.indexOf(' ', Protocol.RUN.length() + 1);
        if (!request.startsWith(Protocol.RUN + " ") || idEnd < 0) {
            // Without an id the parent cannot match an answer; an id of -1 marks it as malformed.
            reply.append(Protocol.ERR).append(" -1 not a run request: ").append(oneLine(request));
            return;
        }
        String id = request.substring(Protocol.RUN.length() + 1, idEnd);
        try {
            long value = WireTask.parse(request.substring(idEnd + 1)).run();
            reply.append(Protocol.OK).append(' ').append(id).append(' ').append(value).append(' ')
                    .append(Thread.currentThread().getName());
        } catch (Exception | Error e) {
            reply.setLength(0);
            reply.append(Protocol.ERR).append(' ').append(id).append(' ').append(oneLine(String.valueOf(e)));
        }
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ').replace('\r', ' ');
    }

    private static void send(OutputStream out, StringBuilder line) throws IOException {
        line.append('\n');
        byte[] bytes = new byte[line.length()];
        for (int i = 0; i < bytes.length; i++) {
            char c = line.charAt(i);
            bytes[i] = c < 128 ? (byte) c : (byte) '?';
        }
        out.write(bytes);
        out.flush();
    }

    /**
     * ASCII lines from a byte stream. BufferedReader would pull in the charset decoders, which the
     * CDS archive lacks; the protocol is ASCII, so bytes are chars.
     */
    static final class LineReader {
        private final InputStream in;
        private final byte[] buffer = new byte[8192];
        private final StringBuilder line = new StringBuilder(64);
        private int pos;
        private int end;

        LineReader(InputStream in) {
            this.in = in;
        }

        /** The next line without its terminator, or null at the end of the stream. */
        String readLine() throws IOException {
            line.setLength(0);
            while (true) {
                if (pos == end) {
                    end = in.read(buffer);
                    pos = 0;
                    if (end <= 0) {
                        end = 0;
                        return line.length() > 0 ? line.toString() : null;
                    }
                }
                byte b = buffer[pos++];
                if (b == '\n') {
                    int n = line.length();
                    if (n > 0 && line.charAt(n - 1) == '\r') {
                        line.setLength(n - 1);
                    }
                    return line.toString();
                }
                line.append((char) (b & 0x7f));
            }
        }
    }
}
