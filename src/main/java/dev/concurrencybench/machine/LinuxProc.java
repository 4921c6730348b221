package dev.concurrencybench.machine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** What Linux's /proc says about CPU affinity: {@code Cpus_allowed_list} of a process or of the calling thread. */
final class LinuxProc {

    private static final String ALLOWED = "Cpus_allowed_list:";

    private LinuxProc() {
    }

    /** The CPUs the process may run on, from {@code /proc/<pid>/status}; empty where /proc does not say. */
    static Optional<CpuList> allowedCpus(long pid) {
        return allowedCpus(Path.of("/proc", String.valueOf(pid), "status"));
    }

    /** The CPUs the calling thread may run on, from {@code /proc/thread-self/status}. */
    static Optional<CpuList> allowedCpusOfCurrentThread() {
        return allowedCpus(Path.of("/proc/thread-self/status"));
    }

    static Optional<CpuList> allowedCpus(Path status) {
        try {
            for (String line : Files.readAllLines(status, StandardCharsets.UTF_8)) {
                if (line.startsWith(ALLOWED)) {
                    return Optional.of(CpuList.parse(line.substring(ALLOWED.length()).strip()));
                }
            }
            return Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The calling thread's native id: {@code /proc/thread-self} links to {@code <pid>/task/<tid>}. */
    static String currentThreadId() {
        try {
            return Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
        } catch (IOException | UnsupportedOperationException e) {
            throw new PinningException("cannot tell this thread's id from /proc/thread-self: " + e.getMessage(), e);
        }
    }
}
