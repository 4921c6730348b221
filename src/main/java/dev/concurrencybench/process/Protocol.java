package dev.concurrencybench.process;

import dev.concurrencybench.task.WireTask;

/**
 * The worker line protocol, version {@value #VERSION}: plain ASCII lines, one message a line, on
 * the worker's stdin (requests) and stdout (replies). The worker's stderr is never part of it.
 *
 * <pre>
 * worker -&gt; parent, once, first:  hello 1 &lt;pid&gt;
 * parent -&gt; worker:               run &lt;id&gt; &lt;task wire&gt;          e.g. run 7 fib 36
 * worker -&gt; parent, one a run:    ok &lt;id&gt; &lt;value&gt; &lt;thread&gt;      e.g. ok 7 14930352 main
 *                                 err &lt;id&gt; &lt;message&gt;             the task threw; message is one line
 * parent -&gt; worker:               end of stdin                    the worker exits with status 0
 * </pre>
 *
 * A worker runs one request at a time and answers in order; {@code id} is echoed so that the
 * parent can tell a stale or foreign line from the answer it waits for. The hello carries the
 * version, which the parent checks, and the worker's own PID, which must match the process the
 * parent started. Any other line is malformed: the parent fails the task in flight with an error
 * that names the task and quotes the line, and kills the worker, never waiting for more.
 *
 * <p>The string constants are compile-time constants, so the worker that uses them never loads
 * this class.
 */
public final class Protocol {

    public static final int VERSION = 1;
    public static final String HELLO = "hello";
    public static final String RUN = "run";
    public static final String OK = "ok";
    public static final String ERR = "err";

    private Protocol() {
    }

    /** {@code run <id> <wire>}. */
    public static String request(long id, WireTask task) {
        return RUN + ' ' + id + ' ' + task.wire();
    }

    /** The worker's PID from a hello line, or an exception saying what is wrong with it. */
    public static long parseHello(String line) {
        if (line == null) {
            throw new ProtocolException("the worker ended before saying hello");
        }
        String[] parts = line.split(" ");
        if (parts.length != 3 || !parts[0].equals(HELLO)) {
            throw new ProtocolException("expected 'hello " + VERSION + " <pid>', got '" + line + "'");
        }
        if (!parts[1].equals(Integer.toString(VERSION))) {
            throw new ProtocolException("worker speaks protocol version " + parts[1] + ", this parent speaks " + VERSION);
        }
        return parseNumber(parts[2], line);
    }

    /** A reply to request {@code id}: its value and thread, or the worker's error. */
    public static Reply parseReply(long id, String line) {
        if (line == null) {
            throw new ProtocolException("the worker ended without answering");
        }
        String[] parts = line.split(" ", 4);
        if (parts.length >= 3 && parts[0].equals(ERR) && parts[1].equals(Long.toString(id))) {
            return new Reply(0, null, line.substring(ERR.length() + parts[1].length() + 2));
        }
        if (parts.length == 4 && parts[0].equals(OK) && parts[1].equals(Long.toString(id)) && !parts[3].isEmpty()) {
            return new Reply(parseNumber(parts[2], line), parts[3], null);
        }
        throw new ProtocolException("malformed reply to request " + id + ": '" + line + "'");
    }

    private static long parseNumber(String s, String line) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new ProtocolException("bad number '" + s + "' in line '" + line + "'");
        }
    }

    /** A parsed reply: either {@code value} and {@code thread}, or {@code error}. */
    public record Reply(long value, String thread, String error) {
        public boolean failed() {
            return error != null;
        }
    }

    /** The worker said something the protocol does not allow, or said nothing. */
    public static final class ProtocolException extends RuntimeException {
        public ProtocolException(String message) {
            super(message);
        }
    }
}
