package dev.concurrencybench.machine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * CPU affinity on Linux: which CPUs this process and thread may use, and pinning to a chosen list.
 *
 * <p>Linux keeps an affinity mask per thread; a new thread starts with its creator's mask, and a
 * new process with the mask of the thread that started it, through every exec. So pinning one
 * thread and starting a process from it pins that whole process and everything it starts in turn.
 * {@link #start(ProcessBuilder, CpuList)} does exactly that, and it is how a whole run is pinned
 * ({@link PinnedRun}) and how other tools (the same-machine A/B run) pin the commands they launch.
 *
 * <p>Threads are pinned with {@code sched_setaffinity} through the FFM API on Java 22+ when
 * native access is enabled ({@link ForeignPinner}), else with {@code taskset} ({@link TasksetPinner}).
 * Elsewhere (not Linux, or neither way available) nothing can be pinned, and {@link #whyNot()} says why.
 */
public final class Affinity {

    private static final Support SUPPORT = Support.detect();

    private Affinity() {
    }

    /** The ways to pin found here, best first; empty where none works, with the reason. */
    record Support(List<ThreadPinner> pinners, String whyNot) {
        static Support detect() {
            String os = System.getProperty("os.name", "?");
            if (!os.equals("Linux")) {
                return new Support(List.of(), "CPU pinning needs Linux (this is " + os + ")");
            }
            if (LinuxProc.allowedCpusOfCurrentThread().isEmpty()) {
                return new Support(List.of(), "/proc/thread-self/status does not list this thread's CPUs");
            }
            List<ThreadPinner> found = new ArrayList<>();
            ForeignPinner.load().ifPresent(found::add);
            TasksetPinner.load().ifPresent(found::add);
            return new Support(found, found.isEmpty()
                    ? "no way to pin here: sched_setaffinity needs Java 22+ with native access, and taskset is not on the PATH"
                    : null);
        }
    }

    /** Whether threads can be pinned here. */
    public static boolean canPin() {
        return !SUPPORT.pinners().isEmpty();
    }

    /** How threads are pinned here ({@code sched_setaffinity} or {@code taskset}), or empty when they cannot be. */
    public static Optional<String> method() {
        return pinner().map(ThreadPinner::name);
    }

    /** Why threads cannot be pinned here, in one line; null when they can. */
    public static String whyNot() {
        return SUPPORT.whyNot();
    }

    static Optional<ThreadPinner> pinner() {
        return SUPPORT.pinners().stream().findFirst();
    }

    /** Every way to pin that works here, for tests that check each one. */
    static List<ThreadPinner> pinners() {
        return SUPPORT.pinners();
    }

    /** The CPUs this process may use; where the OS does not say, CPUs 0 to availableProcessors() - 1. */
    public static CpuList allowed() {
        return ofProcess(ProcessHandle.current().pid())
                .orElseGet(() -> CpuList.firstN(Runtime.getRuntime().availableProcessors()));
    }

    /** The CPUs another process may use ({@code Cpus_allowed_list} in /proc), where /proc says. */
    public static Optional<CpuList> ofProcess(long pid) {
        return LinuxProc.allowedCpus(pid);
    }

    /** The CPUs the calling thread may use right now. */
    public static CpuList ofCurrentThread() {
        return LinuxProc.allowedCpusOfCurrentThread().orElseGet(Affinity::allowed);
    }

    /**
     * Checks that {@code cpus} can be pinned to here: pinning works and every CPU is one this
     * process may use. Throws IllegalArgumentException with one line otherwise.
     */
    public static void requireUsable(CpuList cpus) {
        if (!canPin()) {
            throw new IllegalArgumentException("cannot pin to CPUs " + cpus + ": " + whyNot());
        }
        CpuList allowed = allowed();
        int missing = allowed.firstMissing(cpus);
        if (missing >= 0) {
            throw new IllegalArgumentException("CPU " + missing + " is not one this process may use (it may use " + allowed + ")");
        }
    }

    /** Restricts the calling platform thread to {@code cpus}; threads and processes it starts afterwards inherit it. */
    public static void pinCurrentThread(CpuList cpus) {
        if (Thread.currentThread().isVirtual()) {
            throw new IllegalStateException("pin from a platform thread: a virtual thread moves between carriers");
        }
        pinner().orElseThrow(() -> new PinningException(whyNot())).pinCurrentThread(cpus);
    }

    /**
     * Starts {@code builder}'s process pinned to {@code cpus}: pins the calling thread, starts the
     * process (which inherits the mask, as do its threads and children), and restores the thread's
     * own mask. Works the same for any command, including a jar that knows nothing of pinning.
     */
    public static Process start(ProcessBuilder builder, CpuList cpus) throws IOException {
        CpuList own = ofCurrentThread();
        pinCurrentThread(cpus);
        try {
            return builder.start();
        } finally {
            pinCurrentThread(own);
        }
    }
}
