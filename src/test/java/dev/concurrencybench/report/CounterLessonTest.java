package dev.concurrencybench.report;

import static dev.concurrencybench.report.Fixtures.bar;
import static dev.concurrencybench.report.Fixtures.chart;
import static dev.concurrencybench.report.Fixtures.idStarts;
import static dev.concurrencybench.report.Fixtures.params;
import static dev.concurrencybench.report.Fixtures.plan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concurrencybench.report.BarChartSpec.Bar;
import dev.concurrencybench.report.CounterLesson.Exactness;
import dev.concurrencybench.results.BenchMode;
import dev.concurrencybench.results.BenchmarkResult;
import dev.concurrencybench.results.ResultsFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CounterLessonTest {

    private static BarChartSpec counterChart(ResultsFile run) {
        return chart(plan(run), BarChartSpec.class, idStarts("counter"));
    }

    /** Files written before the rename say {@code mode}; newer ones say {@code across}. Both chart alike. */
    @ParameterizedTest
    @ValueSource(strings = {CounterLesson.ACROSS, CounterLesson.LEGACY_ACROSS})
    void barsShowSpeedDocumentedExactnessAndTheMeasuredKeptShare(String acrossParam) {
        List<BenchmarkResult> rows = Fixtures.counter(acrossParam);
        BarChartSpec counter = counterChart(Fixtures.run("c.json", rows, 2, "21"));
        assertEquals("Shared counter: speed and exactness (workers=8, increments=1000)", counter.title());
        assertEquals(12, counter.bars().size());
        for (BenchmarkResult r : rows) {
            Bar b = bar(counter, r.param("variant") + " / " + r.param(acrossParam));
            assertEquals(r.secondary("made").score(), b.value());
            assertEquals(CounterLesson.exactness(r.param("variant"), r.param(acrossParam)).label(), b.tag());
        }
        assertEquals("exact", bar(counter, "MMAP_CAS / PROCESSES").tag());
        assertEquals("kept 100%", bar(counter, "MMAP_CAS / PROCESSES").remark());
        assertEquals("loses updates", bar(counter, "NAIVE / THREADS").tag());
        assertEquals("kept 40%", bar(counter, "NAIVE / THREADS").remark());
        assertEquals("loses updates", bar(counter, "ATOMIC / PROCESSES").tag());
        assertTrue(counter.yAxis().startsWith("increments made (ops/s"), counter.yAxis());
        assertTrue(counter.notes().stream().noneMatch(n -> n.startsWith("Not a")), counter.notes().toString());
    }

    @Test
    void theLessonsVariantsAreLabelled() {
        assertEquals(Exactness.LOSES_UPDATES, CounterLesson.exactness("NAIVE", "THREADS"));
        assertEquals(Exactness.LOSES_UPDATES, CounterLesson.exactness("FILE", "PROCESSES"));
        assertEquals(Exactness.EXACT, CounterLesson.exactness("FILE_LOCKED", "PROCESSES"));
        assertEquals(Exactness.EXACT, CounterLesson.exactness("QUEUE", "THREADS"));
        assertEquals(Exactness.EXACT, CounterLesson.exactness("ATOMIC", "THREADS"));
        assertEquals(Exactness.LOSES_UPDATES, CounterLesson.exactness("ATOMIC", "PROCESSES"));
        assertEquals(Exactness.EXACT, CounterLesson.exactness("MMAP_CAS", "PROCESSES"));
    }

    @Test
    void anythingElseIsUnknownNotAGuess() {
        assertEquals(Exactness.UNKNOWN, CounterLesson.exactness("SOMETHING_NEW", "THREADS"));
        assertEquals(Exactness.UNKNOWN, CounterLesson.exactness("NAIVE", "MACHINES"));
        // Without a place, even a known variant's exactness is not guessed.
        assertEquals(Exactness.UNKNOWN, CounterLesson.exactness("NAIVE", null));
        assertEquals(Exactness.UNKNOWN, CounterLesson.exactness(null, null));
        assertEquals("exactness unknown", Exactness.UNKNOWN.label());
    }

    @Test
    void namesFromAnotherBuildAreShownAsUnknownWithANote() {
        List<BenchmarkResult> rows = new ArrayList<>();
        rows.add(counterRow(params("variant", "STRIPED_ADDER", "across", "THREADS")));
        rows.add(counterRow(params("variant", "NAIVE", "across", "MACHINES")));
        rows.add(counterRow(params("variant", "NAIVE")));
        BarChartSpec counter = counterChart(Fixtures.run("c.json", rows, 2, "21"));
        assertEquals("exactness unknown", bar(counter, "STRIPED_ADDER / THREADS").tag());
        assertEquals("exactness unknown", bar(counter, "NAIVE / MACHINES").tag());
        assertEquals("exactness unknown", bar(counter, "NAIVE").tag());
        assertTrue(counter.notes().stream().anyMatch(n -> n.startsWith("Not a counter variant") && n.contains("STRIPED_ADDER")),
                counter.notes().toString());
        assertTrue(counter.notes().stream().anyMatch(n -> n.startsWith("Not a counter 'across' value") && n.contains("MACHINES")),
                counter.notes().toString());
        assertTrue(counter.notes().stream().anyMatch(n -> n.contains("no 'across' or 'mode' param")), counter.notes().toString());
        // Without made/kept counts the bar is the primary score.
        assertEquals(5, bar(counter, "NAIVE").value());
    }

    private static BenchmarkResult counterRow(Map<String, String> params) {
        return Fixtures.result(Fixtures.PKG + CounterLesson.INCREMENT_SHARED, BenchMode.THROUGHPUT, "ops/s", params, 5, 0.1,
                Map.of());
    }

    @Test
    void keptShareNeverRoundsALossUpToAHundred() {
        assertEquals("100", CounterLesson.keptPercent(1.0));
        assertEquals("99.9", CounterLesson.keptPercent(0.99999));
        assertEquals("40", CounterLesson.keptPercent(0.4));
        assertEquals("0", CounterLesson.keptPercent(0.0));
    }
}
