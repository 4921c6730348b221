package dev.concurrencybench.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.concurrencybench.Leaks;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Pinning, checked from /proc: each way to pin, a process started pinned, and the restored thread. */
class AffinityTest {

    @BeforeAll
    static void pinningWorksHere() {
        assumeTrue(Affinity.canPin(), "pinning is impossible here, so there is nothing to check: " + Affinity.whyNot());
    }

    /** Runs {@code body} on a new platform thread, so that no pin outlives the test. */
    static <T> T onNewThread(Callable<T> body) throws Exception {
        FutureTask<T> task = new FutureTask<>(body);
        Thread thread = new Thread(task, "pinned-by-test");
        thread.start();
        T result = task.get(Leaks.BOUND.toSeconds(), TimeUnit.SECONDS);
        thread.join();
        return result;
    }

    private static CpuList lastAllowed() {
        List<Integer> cpus = Affinity.allowed().cpus();
        return CpuList.of(cpus.get(cpus.size() - 1));
    }

    @Test
    void eachWayPinsTheCallingThreadOnly() throws Exception {
        CpuList allowed = Affinity.allowed();
        CpuList target = lastAllowed();
        assertFalse(Affinity.pinners().isEmpty());
        for (ThreadPinner pinner : Affinity.pinners()) {
            List<CpuList> seen = onNewThread(() -> {
                pinner.pinCurrentThread(target);
                CpuList pinned = Affinity.ofCurrentThread();
                pinner.pinCurrentThread(allowed);
                return List.of(pinned, Affinity.ofCurrentThread());
            });
            assertEquals(List.of(target, allowed), seen, pinner.name() + ": pinned, then restored");
        }
        assertEquals(allowed, Affinity.ofCurrentThread(), "the test's own thread was never pinned");
    }

    @Test
    void usesSchedSetaffinityThroughFfmWhereNativeAccessIsEnabled() {
        // The tests run with --enable-native-access=ALL-UNNAMED (pom.xml), as the jar does through its manifest.
        assumeTrue(Runtime.version().feature() >= 22, "the FFM API is final from Java 22; on 21 taskset is the way");
        assertEquals(Optional.of("sched_setaffinity"), Affinity.method());
        assertTrue(Affinity.pinners().stream().anyMatch(p -> p instanceof ForeignPinner));
    }

    @Test
    void aProcessStartedPinnedRunsOnTheListAndTheThreadGetsItsOwnMaskBack() throws Exception {
        CpuList target = lastAllowed();
        List<Object> outcome = onNewThread(() -> {
            CpuList own = Affinity.ofCurrentThread();
            // cat blocks reading its standard input until the test closes it.
            Process cat = Affinity.start(new ProcessBuilder("cat").redirectOutput(ProcessBuilder.Redirect.DISCARD), target);
            try {
                return List.of(Affinity.ofProcess(cat.pid()), own, Affinity.ofCurrentThread());
            } finally {
                cat.getOutputStream().close();
                assertTrue(cat.waitFor(Leaks.BOUND.toSeconds(), TimeUnit.SECONDS));
            }
        });
        assertEquals(Optional.of(target), outcome.get(0));
        assertEquals(outcome.get(1), outcome.get(2), "the launching thread's mask is restored");
        Leaks.assertNoChildProcesses();
    }

    @Test
    void onlyCpusThisProcessMayUseAreUsable() {
        CpuList allowed = Affinity.allowed();
        Affinity.requireUsable(allowed);
        int beyond = allowed.cpus().get(allowed.size() - 1) + 1;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Affinity.requireUsable(CpuList.of(0, beyond)));
        assertEquals("CPU " + beyond + " is not one this process may use (it may use " + allowed + ")", e.getMessage());
    }

    @Test
    void aVirtualThreadIsRefused() throws Exception {
        Thread.Builder builder = Thread.ofVirtual();
        FutureTask<Exception> task = new FutureTask<>(() -> {
            try {
                Affinity.pinCurrentThread(Affinity.allowed());
                return null;
            } catch (IllegalStateException e) {
                return e;
            }
        });
        builder.start(task).join();
        assertTrue(task.get() instanceof IllegalStateException);
    }
}
