package dev.concurrencybench;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/** Test helpers that prove nothing was left behind: threads, child processes. */
public final class Leaks {

    /** How long a condition may take to become true before the test fails. */
    public static final Duration BOUND = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(5);

    private Leaks() {
    }

    /** The platform threads alive now; take it before creating what you test. */
    public static Set<Thread> liveThreads() {
        return Thread.getAllStackTraces().keySet();
    }

    /** Fails unless every platform thread started since {@code before} ends within the bound. */
    public static void assertNoNewThreads(Set<Thread> before) {
        waitFor("threads started by the test to end", () -> newThreads(before).isEmpty(),
                () -> newThreads(before).stream().map(Thread::getName).collect(Collectors.joining(", ")));
    }

    private static List<Thread> newThreads(Set<Thread> before) {
        return liveThreads().stream().filter(t -> !before.contains(t) && t.isAlive())
                .filter(t -> !isJvmShared(t))
                .toList();
    }

    /** Threads the JVM keeps for everyone (virtual-thread carriers, the process reaper, surefire's). */
    private static boolean isJvmShared(Thread t) {
        String name = t.getName();
        return t.getClass().getName().equals("jdk.internal.misc.CarrierThread")
                || name.startsWith("VirtualThread-") || name.startsWith("surefire") || name.equals("process reaper")
                || name.startsWith("ForkJoinPool.commonPool") || name.startsWith("InnocuousThread");
    }

    /** Fails unless this JVM has no child processes within the bound. */
    public static void assertNoChildProcesses() {
        waitFor("child processes to end", () -> ProcessHandle.current().descendants().noneMatch(ProcessHandle::isAlive),
                () -> ProcessHandle.current().descendants().map(p -> p.pid() + " " + p.info().command().orElse("?"))
                        .collect(Collectors.joining(", ")));
    }

    /** Polls {@code condition} until true or the bound passes; never a fixed sleep. */
    public static void waitFor(String what, BooleanSupplier condition, java.util.function.Supplier<String> detail) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out after " + BOUND.toSeconds() + " s waiting for " + what + ": " + detail.get());
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
    }
}
