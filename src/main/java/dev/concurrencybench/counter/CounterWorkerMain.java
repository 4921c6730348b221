package dev.concurrencybench.counter;

import dev.concurrencybench.util.Enums;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A counter worker JVM: {@code counter-worker <VARIANT> <address|->}. It prints {@code ready},
 * then serves lines on stdin until EOF or {@code exit}:
 * <ul>
 *   <li>{@code run <increments> <pauseAt>}: attach to the count, increment it, detach, and print
 *       {@code done <increments> <firstRead> <lastWrote>}. If {@code pauseAt >= 0}, that increment
 *       prints {@code gap <read>} in its gap and waits for a {@code go} line.</li>
 * </ul>
 * Bad arguments: one line on stderr and exit 2. A failure during a run: {@code error <message>}
 * and exit 1.
 */
public final class CounterWorkerMain {

    /** The address argument of variants that have nothing to share. */
    public static final String NO_ADDRESS = "-";

    private CounterWorkerMain() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            fail("usage: counter-worker <" + String.join("|", Enums.names(CounterVariant.class)) + "> <address|->");
        }
        CounterVariant variant = null;
        try {
            variant = Enums.parse(CounterVariant.class, "counter variant", args[0]);
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
        }
        Path address = args[1].equals(NO_ADDRESS) ? null : Path.of(args[1]);
        if (address == null && variant.sharedIn(Across.PROCESSES)) {
            fail(variant + " needs the address of the shared count");
        }
        PrintStream out = System.out;
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try {
            out.println("ready");
            out.flush();
            for (String line; (line = in.readLine()) != null && !line.equals("exit"); ) {
                String[] p = line.strip().split(" ");
                if (p.length != 3 || !p[0].equals("run")) {
                    fail("counter-worker: bad command '" + line + "'");
                }
                int increments = Integer.parseInt(p[1]);
                int pauseAt = Integer.parseInt(p[2]);
                out.println(run(variant, address, increments, pauseAt, in, out).wire());
                out.flush();
            }
        } catch (Exception e) {
            out.println("error " + e);
            out.flush();
            System.exit(1);
        }
    }

    private static WorkerReport run(CounterVariant variant, Path address, int increments, int pauseAt,
            BufferedReader in, PrintStream out) throws Exception {
        Gap pause = read -> {
            out.println("gap " + read);
            out.flush();
            String go = in.readLine();
            if (!"go".equals(go)) {
                throw new IllegalStateException("expected 'go' in the gap, got '" + go + "'");
            }
        };
        long first = 0;
        long last = 0;
        try (Counter counter = variant.attach(address)) {
            for (int i = 0; i < increments; i++) {
                last = counter.increment(i == pauseAt ? pause : Gap.NONE);
                if (i == 0) {
                    first = last;
                }
            }
        }
        return new WorkerReport(increments, first, last + 1);
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(2);
    }
}
