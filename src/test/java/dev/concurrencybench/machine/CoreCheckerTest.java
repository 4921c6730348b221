package dev.concurrencybench.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The real check's shape on this machine; its figures are timings, so only their structure is asserted. */
class CoreCheckerTest {

    @Test
    void measuresEveryCpuInEveryRoundAndRestoresTheThread() throws Exception {
        CpuList allowed = Affinity.allowed();
        List<Object> outcome = AffinityTest.onNewThread(() -> {
            CpuList before = Affinity.ofCurrentThread();
            CoreCheck check = CoreChecker.measure(allowed);
            return List.of(check, before, Affinity.ofCurrentThread());
        });
        CoreCheck check = (CoreCheck) outcome.get(0);
        assertEquals(outcome.get(1), outcome.get(2), "the thread's own mask is restored");
        assertEquals(allowed.cpus(), check.cpus().stream().map(CoreCheck.CpuSpeed::cpu).toList());
        assertEquals(CoreChecker.ROUNDS, check.rounds());
        assertEquals("fib(" + CoreChecker.FIB_N + ")", check.kernel());
        assertTrue(check.repetitions() >= 1);
        for (CoreCheck.CpuSpeed c : check.cpus()) {
            assertEquals(CoreChecker.ROUNDS, c.samples().size());
            assertTrue(c.samples().stream().allMatch(s -> s > 0));
            assertTrue(c.relativeSpeed() > 0 && c.relativeSpeed() <= 1.0);
        }
        assertEquals(1.0, check.cpus().stream().mapToDouble(CoreCheck.CpuSpeed::relativeSpeed).max().orElseThrow());
        assertTrue(check.capacity() > 0 && check.capacity() <= allowed.size() + 1e-9);
        assertNotNull(check.verdict());
        if (Affinity.canPin()) {
            assertEquals(Affinity.method().orElseThrow(), check.pinnedWith());
        } else {
            assertNull(check.pinnedWith());
        }
    }

    @Test
    void theRunCheckIsOnUnlessThePropertySaysFalse() {
        String old = System.getProperty(RunCheck.PROPERTY);
        try {
            System.clearProperty(RunCheck.PROPERTY);
            assertTrue(RunCheck.enabled());
            System.setProperty(RunCheck.PROPERTY, "false");
            assertEquals(false, RunCheck.enabled());
            System.setProperty(RunCheck.PROPERTY, "FALSE ");
            assertEquals(false, RunCheck.enabled());
            System.setProperty(RunCheck.PROPERTY, "true");
            assertTrue(RunCheck.enabled());
        } finally {
            if (old == null) {
                System.clearProperty(RunCheck.PROPERTY);
            } else {
                System.setProperty(RunCheck.PROPERTY, old);
            }
        }
    }
}
