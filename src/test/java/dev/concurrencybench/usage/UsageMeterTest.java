package dev.concurrencybench.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concurrencybench.Leaks;
import dev.concurrencybench.process.JavaCommand;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real child JVMs: their CPU is in the tree's and not in the JVM's alone, whether they end inside
 * the window or are still running at its end. CPU is compared with CPU, never with wall time.
 */
class UsageMeterTest {

    /** What the child spins, in ms of its main thread's CPU. */
    private static final long SPIN_MS = 400;
    /** Two readings of CPU ticks, each up to one tick (10 ms) short per field summed. */
    private static final long TOLERANCE_NANOS = 4 * TreeCpu.ticksToNanos(1);

    private Process child;

    @AfterEach
    void noChildLeft() {
        if (child != null) {
            child.destroyForcibly();
        }
        Leaks.assertNoChildProcesses();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aChildThatEndsInsideTheWindowIsCountedInTheTreeOnly() throws Exception {
        UsageMeter tree = UsageMeter.forThisJvm(UsageOptions.DEFAULTS);
        assertEquals(Scope.PROCESS_TREE, tree.scope());
        UsageMeter.Window treeWindow = tree.start();
        UsageMeter.Window jvmWindow = new JvmUsageMeter().start();
        child = spinner(false);
        long childCpu = childCpu();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        Usage jvm = jvmWindow.stop();
        Usage all = treeWindow.stop();
        assertTrue(all.cpuNanos() + all.ownCpuNanos() - jvm.cpuNanos() >= childCpu - TOLERANCE_NANOS,
                "tree " + all + ", jvm " + jvm + ", child " + childCpu);
        assertTrue(all.samples() >= 2, all.toString());
        assertTrue(all.ownCpuNanos() > 0, "the measuring's own CPU is measured: " + all);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aChildStillRunningAtTheEndIsCountedToo() throws Exception {
        UsageMeter.Window treeWindow = UsageMeter.forThisJvm(UsageOptions.DEFAULTS).start();
        UsageMeter.Window jvmWindow = new JvmUsageMeter().start();
        child = spinner(true);
        long childCpu = childCpu();
        Usage jvm = jvmWindow.stop();
        Usage all = treeWindow.stop();
        assertTrue(child.isAlive());
        assertTrue(all.cpuNanos() + all.ownCpuNanos() - jvm.cpuNanos() >= childCpu - TOLERANCE_NANOS,
                "tree " + all + ", jvm " + jvm + ", child " + childCpu);
        child.getOutputStream().close();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));
    }

    @Test
    void withoutProcTheJvmAloneIsMeasuredAndLabelled(@TempDir Path empty) {
        UsageMeter meter = UsageMeter.forThisJvm(new UsageOptions(empty, UsageOptions.DEFAULTS.period(), false));
        assertEquals(Scope.JVM_ONLY, meter.scope());
        Usage u = meter.start().stop();
        assertEquals(Scope.JVM_ONLY, u.scope());
        assertTrue(u.cpuNanos() >= 0, u.toString());
        assertTrue(u.threadsPeak() >= 1, u.toString());
        assertEquals(Usage.UNKNOWN, u.rssPeakBytes());
        assertEquals(0, u.samples(), "an exact peak needs no sampler");
        assertEquals(Usage.UNKNOWN, u.ownCpuNanos(), "nothing of the measuring's own is measured, or left out");
    }

    private static Process spinner(boolean wait) throws IOException {
        List<String> cmd = JavaCommand.of(List.of("-Xshare:auto"), JavaCommand.classPathOf(Spinner.class), Spinner.class,
                wait ? List.of(Long.toString(SPIN_MS), "wait") : List.of(Long.toString(SPIN_MS)));
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** The CPU the child reports once it has spun (the line it prints). */
    private long childCpu() throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertTrue(line != null, "the spinner printed nothing");
        return Long.parseLong(line.split(" ")[0]);
    }
}
