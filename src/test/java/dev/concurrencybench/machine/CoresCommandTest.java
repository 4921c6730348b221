package dev.concurrencybench.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoresCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return CoresCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void jsonIsTheCheckOfEveryCpuThisProcessMayUse() throws Exception {
        assertEquals(0, run("--json"), err.toString());
        CoreCheck check = CoresCommand.JSON.readValue(out.toString(), CoreCheck.class);
        assertEquals(Affinity.allowed().cpus(), check.cpus().stream().map(CoreCheck.CpuSpeed::cpu).toList());
        if (Affinity.canPin()) {
            assertEquals("", err.toString());
            assertEquals(Affinity.method().orElseThrow(), check.pinnedWith());
        } else {
            assertEquals(1, err.toString().lines().count(), "an unpinned check says so in one line: " + err);
            assertTrue(err.toString().contains("measuring unpinned"), err.toString());
        }
    }

    @Test
    void textIsATableAndAVerdict() {
        CoreCheck check = CoreCheck.of("t", "fib(30)", 20, "sched_setaffinity", CpuList.parse("0-1"),
                new double[][] {{5.0, 5.0, 5.1}, {8.0, 8.4, 8.1}});
        CoresCommand.print(new PrintWriter(out, true), check);
        List<String> lines = out.toString().lines().toList();
        assertEquals("Per-CPU speed: fib(30) x 20 per sample, 3 interleaved rounds, pinned with sched_setaffinity", lines.get(0));
        assertEquals(List.of("CPU", "ms", "per", "fib(30)", "relative", "speed", "IQR", "drift", "range"),
                List.of(lines.get(1).strip().split("\\s+")));
        assertEquals(List.of("0", "5.00", "1.00", "1%", "+2%", "2%"), List.of(lines.get(2).strip().split("\\s+")));
        assertEquals(List.of("1", "8.10", "0.62", "2%", "+1%", "5%"), List.of(lines.get(3).strip().split("\\s+")));
        assertEquals("verdict: unequal: some CPU is more than 10% slower than the fastest (capacity 1.62 fastest-core"
                + " equivalents on 2 CPUs; rounds: IQR 2%, drift +2%, range 5%)", lines.get(4));
    }

    @Test
    void helpIsCleanAndExitsZero() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("--cpus=LIST"), out.toString());
        assertTrue(out.toString().contains("equal (within 10%)"), out.toString());
        assertFalse(out.toString().contains("WARN") || err.toString().contains("WARN"), err.toString());
    }
}
