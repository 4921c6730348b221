package dev.concurrencybench.bench;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concurrencybench.process.JavaCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad {@code -p} values fail before JMH starts: one line, exit 2, no stack trace. */
class ParamsTest {

    @ParameterizedTest
    @ValueSource(strings = {"model=GREEN_THREADS", "fibs=93", "fibs=36/x", "tasks=0", "tasks=-5", "tasks=ten",
            "sleepMs=-1", "lock=SPINLOCK", "threshold=1", "model=VIRTUAL_THREADS,NOPE"})
    void badValuesAreRejectedWithTheirName(String spec) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Params.check(new String[] {"CpuBoundBenchmark", "-p", spec}));
        assertTrue(e.getMessage().startsWith("-p " + spec.substring(0, spec.indexOf('='))), e.getMessage());
    }

    @Test
    void goodValuesAndOtherFlagsPass() {
        assertDoesNotThrow(() -> Params.check(new String[] {"-p", "model=SEQUENTIAL,VIRTUAL_THREADS", "-p", "fibs=36/35",
                "-p", "tasks=10000", "-psleepMs=0", "-prof", "gc", "-f", "1", "-p", "somebodyElsesParam=x"}));
    }

    @Test
    void theJarRejectsABadModelInOneLineWithExitCode2() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(JavaCommand.of(List.of(), dev.concurrencybench.Main.class,
                List.of("IoBoundBenchmark", "-p", "model=GREEN_THREADS"))).start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, p.exitValue());
        assertEquals("", out);
        assertEquals(1, err.strip().lines().count(), err);
        assertTrue(err.contains("unknown model 'GREEN_THREADS'") && !err.contains("Exception"), err);
    }
}
