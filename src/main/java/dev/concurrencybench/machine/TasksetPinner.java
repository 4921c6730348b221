package dev.concurrencybench.machine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Pins the calling thread by running {@code taskset -p -c LIST TID} on its native thread id, which
 * {@code /proc/thread-self} names. Used where {@link ForeignPinner} is not available (Java 21, or a
 * JVM without native access); it costs a process start per pin, which the core check pays outside
 * its timed regions.
 */
final class TasksetPinner implements ThreadPinner {

    private final Path taskset;

    private TasksetPinner(Path taskset) {
        this.taskset = taskset;
    }

    /** The pinner, when {@code taskset} (util-linux) is on the PATH. */
    static Optional<TasksetPinner> load() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, "taskset");
                if (Files.isExecutable(candidate)) {
                    return Optional.of(new TasksetPinner(candidate));
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public String name() {
        return "taskset";
    }

    @Override
    public void pinCurrentThread(CpuList cpus) {
        String tid = LinuxProc.currentThreadId();
        List<String> command = List.of(taskset.toString(), "-p", "-c", cpus.toString(), tid);
        Process p = null;
        try {
            p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            // taskset writes a line or two at most; reading to the end cannot block on a full pipe.
            String error = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new PinningException("taskset -p -c " + cpus + " " + tid + " failed: "
                        + error.lines().findFirst().orElse("exit " + (p.isAlive() ? "timeout" : p.exitValue())));
            }
        } catch (IOException e) {
            throw new PinningException("cannot run taskset: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PinningException("interrupted while pinning to CPUs " + cpus, e);
        } finally {
            if (p != null && p.isAlive()) {
                p.destroyForcibly();
            }
        }
    }
}
