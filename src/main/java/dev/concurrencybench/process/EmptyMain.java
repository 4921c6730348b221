package dev.concurrencybench.process;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A main that does nothing: the floor of a JVM start, which SpawnBenchmark compares a worker
 * with. It is started the way a worker is (same java, class path and flags) so that the only
 * difference left is what the worker does.
 */
public final class EmptyMain {

    private EmptyMain() {
    }

    public static void main(String[] args) {
        // nothing: the cost measured is the JVM's own start and exit
    }

    /** The command that starts it, with the flags every worker gets plus {@code jvmFlags}. */
    public static List<String> command(List<String> jvmFlags) {
        List<String> flags = new ArrayList<>(JavaCommand.STDOUT_IS_PROTOCOL);
        flags.addAll(jvmFlags);
        return JavaCommand.of(flags, JavaCommand.classPathOf(EmptyMain.class), EmptyMain.class, List.of());
    }

    /** Starts {@code command} with its output discarded and waits for it to exit; throws unless it exits 0. */
    public static int runToExit(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Reaper.register(p);
        try {
            int status = p.waitFor();
            if (status != 0) {
                throw new IllegalStateException("the bare JVM exited with status " + status + ": " + command);
            }
            return status;
        } finally {
            p.destroyForcibly();
            Reaper.unregister(p);
        }
    }
}
