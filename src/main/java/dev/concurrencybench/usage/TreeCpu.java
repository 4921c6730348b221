package dev.concurrencybench.usage;

import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The CPU time, user plus system, that a process and every descendant it ever had have used so
 * far, live or finished. Finished children the process reaped are in its own {@code cutime} and
 * {@code cstime} (and what they reaped in theirs), so the total is its own {@code stat} plus that
 * of each live descendant. The difference of two readings is the CPU used in between, also by a
 * child that ended in between: before, it counted as live; after, in its parent's reaped times.
 *
 * <p>A reading must count each process once even while children end. The tree is read parents
 * first, so a child reaped by its parent before its own line was read would be counted nowhere:
 * its file is then gone, and the reading starts over. A child whose state is X is being reaped
 * right now (its times are moving into the parent's, which may already hold them), so that
 * reading starts over too. A zombie (Z) is still the child's own line, not yet its parent's.
 * Children started after the tree was listed are missed by this reading and counted by the
 * next, so nothing is lost between readings. A grandchild whose parent ends before it does is
 * adopted by init and leaves the tree, with the time it has yet to use.
 */
final class TreeCpu {

    /** Readings with a process ending in the middle are rare; this many in a row means constant churn. */
    static final int MAX_ATTEMPTS = 20;

    /**
     * @param ticks        CPU time in clock ticks
     * @param descendants  the live descendants counted, parents first
     * @param clockAtRoot  the caller's clock just after the process's own line was read: the moment
     *                     the reading stands for, from which the caller can tell its own cost apart
     * @param consistent   false only if every attempt saw a process end mid-reading (the last is returned)
     */
    record Reading(long ticks, List<Long> descendants, long clockAtRoot, int attempts, boolean consistent) {
    }

    private TreeCpu() {
    }

    static Reading read(ProcFs proc, long pid) {
        return read(proc, pid, () -> 0);
    }

    static Reading read(ProcFs proc, long pid, LongSupplier clock) {
        Reading last = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            List<Long> tree = proc.descendants(pid);
            long ticks = proc.stat(pid)
                    .orElseThrow(() -> new IllegalStateException("no stat for process " + pid + " under " + proc.root()))
                    .cpuTicks();
            long atRoot = clock.getAsLong();
            boolean consistent = true;
            for (long d : tree) {
                Optional<ProcStat> s = proc.stat(d);
                if (s.isEmpty() || s.get().beingReaped()) {
                    consistent = false;
                } else {
                    ticks += s.get().cpuTicks();
                }
            }
            last = new Reading(ticks, List.copyOf(tree), atRoot, attempt, consistent);
            if (consistent) {
                return last;
            }
            Thread.yield(); // a reap takes microseconds
        }
        return last;
    }

    static long ticksToNanos(long ticks) {
        return ticks * (1_000_000_000L / ProcFs.TICKS_PER_SECOND);
    }
}
