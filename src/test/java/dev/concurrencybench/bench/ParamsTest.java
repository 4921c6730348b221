package dev.concurrencybench.bench;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concurrencybench.process.JavaCommand;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;

/** Bad {@code -p} values fail before JMH starts: one line, exit 2, no stack trace; every {@code @Param} is checked. */
class ParamsTest {

    @Test
    void everyDeclaredParamIsCheckedAndNoCheckIsStale() {
        Map<String, Class<?>> declared = Params.declared();
        assertTrue(declared.keySet().containsAll(Set.of("model", "fibs", "failingJob", "across", "jvmFlags", "lock")),
                declared::toString);
        for (Map.Entry<String, Class<?>> p : declared.entrySet()) {
            assertTrue(p.getValue().isEnum() || Params.CHECKS.containsKey(p.getKey()),
                    "@Param " + p.getKey() + " (" + p.getValue().getSimpleName() + ") has no check in Params.CHECKS");
        }
        for (String name : Params.CHECKS.keySet()) {
            assertTrue(declared.containsKey(name) && !declared.get(name).isEnum(), "Params.CHECKS checks no declared @Param: " + name);
        }
    }

    /** JMH's own list of benchmarks: its parameters are exactly the declared ones, and every default passes its check. */
    @Test
    void jmhsParamsAreTheDeclaredOnesAndTheirDefaultsPass() throws IOException {
        Set<String> listed = new TreeSet<>();
        try (InputStream in = ParamsTest.class.getResourceAsStream(BenchmarkList.BENCHMARK_LIST)) {
            for (BenchmarkListEntry entry : BenchmarkList.readBenchmarkList(in)) {
                for (Map.Entry<String, String[]> p : entry.getParams().orElse(Map.of()).entrySet()) {
                    listed.add(p.getKey());
                    for (String value : p.getValue()) {
                        assertDoesNotThrow(() -> Params.check(new String[] {"-p", p.getKey() + "=" + value}), entry.getUsername());
                    }
                }
            }
        }
        assertEquals(listed, Params.declared().keySet());
    }

    @ParameterizedTest
    @ValueSource(strings = {"model=GREEN_THREADS", "fibs=93", "fibs=36/x", "tasks=0", "tasks=-5", "tasks=ten",
            "sleepMs=-1", "lock=SPINLOCK", "threshold=1", "model=VIRTUAL_THREADS,NOPE", "failingJob=-1", "failingJob=x",
            "jvmFlags=FAST", "across=BOTH", "variant=NOPE", "workers=0", "increments=x", "timeoutSeconds=0"})
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
