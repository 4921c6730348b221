package dev.concurrencybench.process;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concurrencybench.model.ExecutionModel;
import dev.concurrencybench.runner.TaskRunner;
import dev.concurrencybench.task.TaskResult;
import dev.concurrencybench.task.Tasks;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The other side of the PID lesson: every thread model runs its tasks in this very process. Kept
 * apart from ProcessModelsTest, whose thread-leak check would count the JDK's shared
 * virtual-thread scheduler threads, which live as long as the JVM.
 */
class ThreadModelPidTest {

    private static final long PARENT = ProcessHandle.current().pid();

    @ParameterizedTest
    @EnumSource(names = {"PROCESS_PER_TASK", "PROCESS_POOL"}, mode = EnumSource.Mode.EXCLUDE)
    void threadModelsRunInTheParentProcess(ExecutionModel model) {
        try (TaskRunner runner = model.create()) {
            List<TaskResult> results = runner.runAll(Tasks.fibs("10,9,8"));
            assertTrue(results.stream().allMatch(r -> r.pid() == PARENT), () -> model + " left the parent: " + results);
        }
    }

}
