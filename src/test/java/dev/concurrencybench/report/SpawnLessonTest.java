package dev.concurrencybench.report;

import static dev.concurrencybench.report.Fixtures.bar;
import static dev.concurrencybench.report.Fixtures.chart;
import static dev.concurrencybench.report.Fixtures.idStarts;
import static dev.concurrencybench.report.Fixtures.plan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.concurrencybench.report.BarChartSpec.Bar;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpawnLessonTest {

    @Test
    void spawnBarsAreEveryMethodAndFlagsWithoutAnIdeal() {
        BarChartSpec spawn = chart(plan(Fixtures.run("suite.json", Fixtures.suite(), 2, "21.0.5")), BarChartSpec.class,
                idStarts("spawn"));
        // Method by method in teaching order, each method's rows in the file's order.
        assertEquals(List.of("bareJvm (DEFAULT)", "bareJvm (LEAN)", "workerSpawn (DEFAULT)", "workerSpawn (LEAN)",
                "pooledRoundTrip (DEFAULT)", "pooledRoundTrip (LEAN)"), spawn.bars().stream().map(Bar::label).toList());
        assertFalse(spawn.hasIdeal());
        assertEquals(48, bar(spawn, "bareJvm (LEAN)").value(), 1e-9);
    }
}
