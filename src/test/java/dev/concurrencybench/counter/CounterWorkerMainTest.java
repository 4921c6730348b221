package dev.concurrencybench.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concurrencybench.Main;
import dev.concurrencybench.process.JavaCommand;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The worker's command line: bad input is one line on stderr and exit 2; the jar's subcommand reaches it. */
class CounterWorkerMainTest {

    @ParameterizedTest
    @ValueSource(strings = {"NOPE", "FILE"})
    void badArgumentsAreOneLineAndExitTwo(String variant) throws Exception {
        // FILE with no address: it has something to share, so "-" is refused.
        Result r = run(CounterWorkerMain.class, List.of(variant, CounterWorkerMain.NO_ADDRESS));
        assertEquals(Main.BAD_INPUT, r.code);
        assertEquals(1, r.stderr.strip().lines().count(), r.stderr);
        assertTrue(r.stderr.contains(variant), r.stderr);
    }

    @Test
    void mainsCounterWorkerSubcommandRunsANaiveWorker() throws Exception {
        Result r = run(Main.class, List.of("counter-worker", "NAIVE", CounterWorkerMain.NO_ADDRESS), "run 1 -1\nexit\n");
        assertEquals(0, r.code, r.stderr);
        assertEquals(List.of("ready", "done 1 0 1"), r.stdout.lines().toList());
    }

    private record Result(int code, String stdout, String stderr) {
    }

    private static Result run(Class<?> main, List<String> args) throws Exception {
        return run(main, args, "");
    }

    private static Result run(Class<?> main, List<String> args, String stdin) throws Exception {
        Process p = new ProcessBuilder(JavaCommand.of(List.of(), main, args)).start();
        try {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            // Outputs are a few lines: reading them after the exit cannot fill a pipe.
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "worker did not exit");
            return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                    new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        } finally {
            p.destroyForcibly().waitFor();
        }
    }
}
