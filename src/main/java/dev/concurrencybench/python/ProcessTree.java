package dev.concurrencybench.python;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Kills a process and every process under it, and waits a bounded time for them to end. The tree is
 * read before anything is killed: a process whose parent dies is handed to init and could no longer
 * be found. A process started in the instant between the reading and the kill escapes it; the
 * Python program asks Linux to kill each of its workers when its parent dies (PR_SET_PDEATHSIG),
 * which covers that instant.
 */
final class ProcessTree {

    private ProcessTree() {
    }

    /** Kills {@code root} and its descendants; returns those still alive after {@code bound} (empty when all ended). */
    static List<ProcessHandle> kill(ProcessHandle root, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        Set<ProcessHandle> killed = new LinkedHashSet<>();
        List<ProcessHandle> tree;
        do {
            tree = Stream.concat(root.descendants(), Stream.of(root)).filter(ProcessHandle::isAlive).toList();
            killed.addAll(tree);
            tree.forEach(ProcessHandle::destroyForcibly);
        } while (!tree.isEmpty() && root.isAlive() && System.nanoTime() < deadline);
        List<ProcessHandle> alive = new ArrayList<>();
        for (ProcessHandle p : killed) {
            try {
                p.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException e) {
                if (p.isAlive()) {
                    alive.add(p);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                alive.add(p);
            }
        }
        return alive;
    }
}
