package dev.concurrencybench.process;

import java.util.List;

/**
 * A main that does nothing: the floor of a JVM start, which SpawnBenchmark compares a worker
 * with. It is started the way a worker is (same java, class path and flags) so that the only
 * difference left is what the worker does; {@link ChildJvm#runToExit} runs it.
 */
public final class EmptyMain {

    private EmptyMain() {
    }

    public static void main(String[] args) {
        // nothing: the cost measured is the JVM's own start and exit
    }

    /** The command that starts it, with the flags every worker gets plus {@code jvmFlags}. */
    public static List<String> command(List<String> jvmFlags) {
        return JavaCommand.worker(jvmFlags, JavaCommand.classPathOf(EmptyMain.class), EmptyMain.class, List.of());
    }
}
