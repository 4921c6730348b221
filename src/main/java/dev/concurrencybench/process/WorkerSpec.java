package dev.concurrencybench.process;

import dev.concurrencybench.runner.RunnerOptions;
import java.time.Duration;
import java.util.List;

/**
 * How to start a worker JVM and how long one request may take. The main class is a parameter only
 * so that tests can start a worker that misbehaves on purpose (crashes, speaks garbage) without a
 * crash or garbage task kind in the production task hierarchy.
 *
 * @param jvmFlags    flags before the class path (see {@link JvmFlags})
 * @param mainClass   the worker's entry point, normally {@link WorkerMain}
 * @param args        arguments after the main class
 * @param taskTimeout how long a request may take from the moment it is sent (for a worker per
 *                    task that includes the JVM's start); past it the worker is killed
 */
public record WorkerSpec(List<String> jvmFlags, Class<?> mainClass, List<String> args, Duration taskTimeout) {

    public WorkerSpec {
        jvmFlags = List.copyOf(jvmFlags);
        args = List.copyOf(args);
        if (taskTimeout.isNegative() || taskTimeout.isZero()) {
            throw new IllegalArgumentException("worker timeout must be > 0, got " + taskTimeout);
        }
    }

    /** The real worker, with the flags and timeout of {@code options}. */
    public static WorkerSpec of(RunnerOptions options) {
        return new WorkerSpec(options.workerJvmFlags(), WorkerMain.class, List.of(), options.workerTimeout());
    }

    /** The class path the worker gets: where its main class and the task classes live. */
    public String classPath() {
        return JavaCommand.classPathOf(mainClass, WorkerMain.class);
    }

    public List<String> command() {
        return JavaCommand.worker(jvmFlags, classPath(), mainClass, args);
    }
}
