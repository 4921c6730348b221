package dev.concurrencybench.report;

import static dev.concurrencybench.report.Fixtures.bar;
import static dev.concurrencybench.report.Fixtures.chart;
import static dev.concurrencybench.report.Fixtures.idStarts;
import static dev.concurrencybench.report.Fixtures.plan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.concurrencybench.report.BarChartSpec.Bar;
import java.util.List;
import org.junit.jupiter.api.Test;

class AsyncLessonTest {

    @Test
    void barsComeInTeachingOrderWithNSleepsForOneAtATimeAndOneForGathered() {
        BarChartSpec async = chart(plan(Fixtures.run("suite.json", Fixtures.suite(), 2, "21.0.5")), BarChartSpec.class,
                idStarts("async"));
        assertEquals(AsyncLesson.METHODS, async.bars().stream().map(Bar::label).toList());
        assertEquals(List.of("awaitOneAtATime", "gatherAll", "blockingSleepInEventLoop", "errorsFailFast", "errorsCollectAll"),
                AsyncLesson.METHODS);
        assertEquals(500, bar(async, "awaitOneAtATime").ideal(), 1e-9);
        assertEquals(100, bar(async, "gatherAll").ideal(), 1e-9);
        assertEquals(500, bar(async, "blockingSleepInEventLoop").ideal(), 1e-9);
        assertEquals(100, bar(async, "errorsFailFast").ideal(), 1e-9);
        assertEquals(100, bar(async, "errorsCollectAll").ideal(), 1e-9);
    }
}
