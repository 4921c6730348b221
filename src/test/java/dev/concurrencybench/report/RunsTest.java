package dev.concurrencybench.report;

import static dev.concurrencybench.report.Fixtures.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concurrencybench.machine.CoreCheck;
import dev.concurrencybench.results.BenchmarkResult;
import dev.concurrencybench.results.ResultsFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the report says about a run's machine: its core checks in the run table and the banner. */
class RunsTest {

    private static final List<BenchmarkResult> ROWS = Fixtures.ofClass(Fixtures.suite(), "CpuBoundBenchmark");

    private static Optional<String> banner(CoreCheck before, CoreCheck after) {
        return Runs.coreBanner(Fixtures.withChecks("r.json", ROWS, 2, before, after));
    }

    @Test
    void equalAndSteadyCoresGetNoBanner() {
        assertEquals(Optional.empty(), banner(check(100, 105), check(101, 104)));
        assertEquals(Optional.empty(), banner(check(100, 100), null));
        assertEquals(Optional.empty(), banner(null, null));
        assertEquals(Optional.empty(), Runs.coreBanner(Fixtures.bare("r.json", ROWS)));
    }

    @Test
    void checksThatDisagreeGetABannerNamingBothVerdictsAndCapacities() {
        String b = banner(check(100, 100), check(100, 200)).orElseThrow();
        assertTrue(b.startsWith("r.json ran on cores that were not equal and steady: "), b);
        assertTrue(b.contains("the check before the run says equal: capacity 2.00 of 2 CPUs (CPU 0 1.00, CPU 1 1.00)"), b);
        assertTrue(b.contains("the check after the run says unequal: capacity 1.50 of 2 CPUs (CPU 0 1.00, CPU 1 0.50)"), b);
        assertTrue(b.contains("The two checks disagree (verdict equal -> unequal, capacity 2.00 -> 1.50)"), b);
    }

    @Test
    void aVerdictOtherThanEqualGetsABannerEvenWhenBothAgree() {
        String unequal = banner(check(100, 200), check(100, 200)).orElseThrow();
        assertTrue(unequal.contains("says unequal: capacity 1.50"), unequal);
        assertFalse(unequal.contains("disagree"), unequal);
        String unsteady = banner(Fixtures.unsteadyCheck(2), null).orElseThrow();
        assertTrue(unsteady.contains("the check before the run says unsteady"), unsteady);
    }

    @Test
    void aMachineThatSlowedDownAsAWholeDisagreesWithItself() {
        // Equal cores both times, but every CPU a third slower after the run.
        String b = banner(check(100, 100), check(130, 130)).orElseThrow();
        assertTrue(b.contains("The two checks disagree (the fastest CPU took 100.00 -> 130.00 ms per fib(30))"), b);
    }

    @Test
    void theRunTableListsTheChecksAndThePinningOnlyWhenTheSidecarHasThem() {
        CoreCheck before = check(100, 200);
        ResultsFile run = new ResultsFile(Path.of("r.json"), ROWS,
                Optional.of(Fixtures.sidecar(2, "2026-01-01T00:00:00Z").withMachine("0-1", before, null)));
        Map<String, String> shown = Runs.display(run);
        assertEquals("0-1", shown.get("pinned to CPUs"));
        assertEquals(before.summary(), shown.get("core check before"));
        assertFalse(shown.containsKey("core check after"));
        Map<String, String> old = Runs.display(Fixtures.run("r.json", ROWS, 2, "21"));
        assertFalse(old.keySet().stream().anyMatch(k -> k.startsWith("core check") || k.startsWith("pinned")), old.toString());
    }

    @Test
    void theBannerTopsTheHtmlPageAndTheMarkdown() {
        ResultsFile shaky = Fixtures.withChecks("shaky.json", ROWS, 2, check(100, 100), check(100, 200));
        ResultsFile steady = Fixtures.withChecks("steady.json", ROWS, 2, check(100, 100), check(100, 100));
        ChartPlanner.Plan plan = ChartPlanner.plan(List.of(steady, shaky), null);
        assertEquals(1, plan.banners().size());
        String html = HtmlReport.render(List.of(steady, shaky), plan);
        String md = MarkdownReport.render(List.of(steady, shaky), plan);
        String text = HtmlReport.esc(plan.banners().get(0));
        assertTrue(html.indexOf("<div class=\"banner\" role=\"alert\"><strong>Warning:</strong> " + text) < html.indexOf("<h2>Runs"));
        assertTrue(md.indexOf("> [!WARNING]\n> " + plan.banners().get(0) + "\n") < md.indexOf("## Runs"), md);

        ChartPlanner.Plan calm = ChartPlanner.plan(List.of(steady), null);
        assertEquals(List.of(), calm.banners());
        assertFalse(HtmlReport.render(List.of(steady), calm).contains("banner"));
        assertFalse(MarkdownReport.render(List.of(steady), calm).contains("[!WARNING]"));
    }
}
