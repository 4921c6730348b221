package dev.concurrencybench.model;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which Java model does what each of the Python notebook's models does, by the name the Python
 * program gives its model (src/main/python; docs/notebook.md). Only five Java models have a twin:
 * Python has no virtual threads, ForkJoin, CompletableFuture or timer-driven runner.
 */
public final class NotebookTwins {

    private static final Map<ExecutionModel, String> PYTHON = new EnumMap<>(Map.of(
            ExecutionModel.SEQUENTIAL, "sequential",
            ExecutionModel.PLATFORM_THREADS, "Thread",
            ExecutionModel.FIXED_POOL, "ThreadPoolExecutor",
            ExecutionModel.PROCESS_PER_TASK, "Process",
            ExecutionModel.PROCESS_POOL, "Pool"));

    private NotebookTwins() {
    }

    /** The Python model that does what {@code model} does, e.g. {@code Thread} for PLATFORM_THREADS; empty for none. */
    public static Optional<String> python(ExecutionModel model) {
        return Optional.ofNullable(PYTHON.get(model));
    }

    /** The Java model whose twin is the Python model called {@code name}; empty for a name the notebook does not use. */
    public static Optional<ExecutionModel> java(String name) {
        return PYTHON.entrySet().stream().filter(e -> e.getValue().equals(name)).map(Map.Entry::getKey).findFirst();
    }

    /** Every Python model name, in the Java models' order. */
    public static List<String> pythonNames() {
        return List.copyOf(PYTHON.values());
    }
}
