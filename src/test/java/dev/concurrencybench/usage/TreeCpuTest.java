package dev.concurrencybench.usage;

import static dev.concurrencybench.usage.Fixtures.AFTER_TICKS;
import static dev.concurrencybench.usage.Fixtures.BEFORE_TICKS;
import static dev.concurrencybench.usage.Fixtures.JVM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CPU of a tree in which children end between readings and while a reading is taken. */
class TreeCpuTest {

    @Test
    void aChildThatEndsMidIterationIsCountedOnce() {
        TreeCpu.Reading before = TreeCpu.read(Fixtures.proc("before"), JVM);
        TreeCpu.Reading after = TreeCpu.read(Fixtures.proc("after"), JVM);
        assertEquals(new TreeCpu.Reading(BEFORE_TICKS, List.of(1001L, 1002L), 0, 1, true), before);
        assertEquals(new TreeCpu.Reading(AFTER_TICKS, List.of(), 0, 1, true), after);
        // the JVM's own 50, the worker's last 13, the grandchild's last 2
        assertEquals(50 + 13 + 2, after.ticks() - before.ticks());
    }

    @Test
    void anUnreapedChildCountsAsItWillOnceReaped() {
        assertEquals(AFTER_TICKS, TreeCpu.read(Fixtures.proc("zombie"), JVM).ticks());
    }

    @Test
    void aChildReapedWhileTheTreeIsReadIsNotLost(@TempDir Path dir) throws IOException {
        // The tree is listed from 'before' and the JVM's line read; then the worker and its child
        // end and are reaped, so their lines are gone: counted nowhere, unless the reading restarts.
        AtomicBoolean reaped = new AtomicBoolean();
        ProcFs proc = switching(dir, "before", "after", p -> p.endsWith(JVM + "/stat"), reaped);
        TreeCpu.Reading r = TreeCpu.read(proc, JVM);
        assertTrue(reaped.get());
        assertEquals(new TreeCpu.Reading(AFTER_TICKS, List.of(), 0, 2, true), r);
    }

    @Test
    void aChildBeingReapedIsNotCountedTwice(@TempDir Path dir) throws IOException {
        // State X: its times are already in the JVM's, but its line is still there.
        AtomicBoolean reaped = new AtomicBoolean();
        ProcFs proc = switching(dir, "reaping", "after", p -> p.endsWith("1001/stat"), reaped);
        TreeCpu.Reading r = TreeCpu.read(proc, JVM);
        assertTrue(reaped.get());
        assertEquals(new TreeCpu.Reading(AFTER_TICKS, List.of(), 0, 2, true), r);
    }

    @Test
    void endlessChurnGivesUpAndSaysSo() {
        TreeCpu.Reading r = TreeCpu.read(Fixtures.proc("reaping"), JVM);
        assertFalse(r.consistent());
        assertEquals(TreeCpu.MAX_ATTEMPTS, r.attempts());
        assertEquals(AFTER_TICKS, r.ticks(), "the process being reaped is left out");
    }

    @Test
    void theReadingMarksTheCallersClockAtItsMoment() {
        long[] clock = {0};
        TreeCpu.Reading r = TreeCpu.read(Fixtures.proc("before"), JVM, () -> ++clock[0]);
        assertEquals(1, r.clockAtRoot(), "read once, just after the process's own line");
    }

    @Test
    void ticksAreHundredthsOfASecond() {
        assertEquals(10_000_000L, TreeCpu.ticksToNanos(1));
    }

    /**
     * A proc root in {@code dir} that holds {@code first} until a file matching {@code trigger} has
     * been read, and {@code then} from that moment on, as if processes had ended and been reaped.
     */
    private static ProcFs switching(Path dir, String first, String then, Predicate<Path> trigger, AtomicBoolean switched)
            throws IOException {
        ProcFsTest.copy(Fixtures.root(first), dir);
        return new ProcFs(dir, file -> {
            String text = Files.readString(file, StandardCharsets.ISO_8859_1);
            if (trigger.test(file) && !switched.getAndSet(true)) {
                ProcFsTest.delete(dir, false);
                ProcFsTest.copy(Fixtures.root(then), dir);
            }
            return text;
        });
    }
}
