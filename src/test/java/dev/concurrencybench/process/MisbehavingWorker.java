package dev.concurrencybench.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * A worker main for tests that breaks the rules on purpose, chosen by its one argument. It lives
 * in test code so that the production task hierarchy needs no "crash" or "garbage" task kind: the
 * tests point a {@link WorkerSpec} at this class instead of {@link WorkerMain}.
 * <ul>
 * <li>{@code crash}: says hello, reads one request, writes to stderr and halts with status 3;
 * <li>{@code garbage}: says hello, then answers every request with a malformed line;
 * <li>{@code bad-version}: says hello with protocol version 99;
 * <li>{@code chatty}: writes 1 MiB to stderr before each proper answer (a pipe holds 64 KiB);
 * <li>{@code throws}: answers every request with a well-formed {@code err} reply, as when a task throws.
 * </ul>
 */
public final class MisbehavingWorker {

    static final String CRASH_MESSAGE = "simulated crash: the worker is going down";
    static final String THROWN = "java.lang.IllegalStateException: simulated task failure";

    private MisbehavingWorker() {
    }

    public static void main(String[] args) throws IOException {
        String mode = args[0];
        long pid = ProcessHandle.current().pid();
        System.out.println("hello " + (mode.equals("bad-version") ? 99 : Protocol.VERSION) + " " + pid);
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        String request;
        while ((request = in.readLine()) != null) {
            switch (mode) {
                case "crash" -> {
                    System.err.println(CRASH_MESSAGE);
                    System.err.flush();
                    Runtime.getRuntime().halt(3);
                }
                case "garbage" -> System.out.println("ok banana");
                case "throws" -> System.out.println("err " + request.split(" ")[1] + " " + THROWN);
                case "chatty" -> {
                    String noise = "x".repeat(1023);
                    for (int i = 0; i < 1024; i++) {
                        System.err.println(noise);
                    }
                    StringBuilder reply = new StringBuilder();
                    WorkerMain.answer(request, reply);
                    System.out.println(reply);
                }
                default -> System.out.println("err 0 unknown mode " + mode);
            }
            System.out.flush();
        }
    }
}
