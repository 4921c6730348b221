package dev.concurrencybench.report;

import static dev.concurrencybench.report.Fixtures.bar;
import static dev.concurrencybench.report.Fixtures.chart;
import static dev.concurrencybench.report.Fixtures.idStarts;
import static dev.concurrencybench.report.Fixtures.plan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PinningLessonTest {

    @Test
    void everyLockHasTheIdealOfOneSleepAndTheTextNamesTheJdk() {
        BarChartSpec pinning = chart(plan(Fixtures.run("suite.json", Fixtures.suite(), 2, "21.0.5")), BarChartSpec.class,
                idStarts("pinning"));
        assertEquals(10, bar(pinning, "MONITOR").ideal(), 1e-9);
        assertEquals(10, bar(pinning, "REENTRANT_LOCK").ideal(), 1e-9);
        assertEquals(510, bar(pinning, "MONITOR").value());
        assertTrue(pinning.explanation().contains("JDK 21.0.5"), pinning.explanation());
    }

    @Test
    void anUnknownJdkIsSaidSo() {
        BarChartSpec pinning = chart(plan(Fixtures.bare("bare.json", Fixtures.suite())), BarChartSpec.class, idStarts("pinning"));
        assertTrue(pinning.explanation().endsWith("This run used JDK unknown."), pinning.explanation());
    }
}
