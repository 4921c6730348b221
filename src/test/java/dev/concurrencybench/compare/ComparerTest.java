package dev.concurrencybench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concurrencybench.machine.CoreCheck;
import dev.concurrencybench.machine.CpuList;
import dev.concurrencybench.results.BenchMode;
import dev.concurrencybench.results.BenchmarkResult;
import dev.concurrencybench.results.Environment;
import dev.concurrencybench.results.Metric;
import dev.concurrencybench.results.ResultsException;
import dev.concurrencybench.results.ResultsFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ComparerTest {

    private static final Synthetic.Noise QUIET = new Synthetic.Noise(0.01, 0.01);
    private final Comparer comparer = new Comparer(CompareOptions.defaults());

    private static BenchmarkResult row(BenchMode mode, Map<String, String> params, double center, Random r, int forks) {
        return Synthetic.row("m", mode, params, Synthetic.draw(r, center, QUIET, forks, 5));
    }

    private Comparison compare(List<BenchmarkResult> base, List<BenchmarkResult> next) {
        return comparer.compare(List.of(Synthetic.file("base.json", base)), List.of(Synthetic.file("new.json", next)));
    }

    @ParameterizedTest
    @EnumSource(BenchMode.class)
    void directionFollowsTheMode(BenchMode mode) {
        Random r = new Random(1);
        // The score doubles: better for throughput, worse for every time mode.
        Comparison c = compare(List.of(row(mode, Map.of(), 100, r, 5)), List.of(row(mode, Map.of(), 200, r, 5)));
        RowComparison row = c.rows().get(0);
        assertEquals(2.0, row.ratio(), 0.1);
        assertTrue(row.ciLow() > 1.5 && row.ciHigh() < 2.5, row.ciLow() + " " + row.ciHigh());
        assertTrue(row.pAdjusted() < 0.05);
        Verdict expected = mode == BenchMode.THROUGHPUT ? Verdict.IMPROVEMENT : Verdict.REGRESSION;
        assertEquals(expected, row.verdict());
        assertEquals(mode != BenchMode.THROUGHPUT, c.hasRegression());
        // Halving is the mirror image.
        Comparison half = compare(List.of(row(mode, Map.of(), 200, r, 5)), List.of(row(mode, Map.of(), 100, r, 5)));
        assertEquals(mode == BenchMode.THROUGHPUT ? Verdict.REGRESSION : Verdict.IMPROVEMENT, half.rows().get(0).verdict());
        // The geomean row is a time ratio: below 1 means faster whatever the mode.
        double expectedTime = mode == BenchMode.THROUGHPUT ? 0.5 : 2.0;
        assertEquals(expectedTime, c.geomean().ratio(), 0.1);
    }

    @Test
    void rowsThatDifferOnlyInParamsStayDistinct() {
        Random r = new Random(2);
        List<BenchmarkResult> base = List.of(row(BenchMode.AVERAGE_TIME, Map.of("model", "A", "n", "1"), 10, r, 4),
                row(BenchMode.AVERAGE_TIME, Map.of("model", "B", "n", "1"), 20, r, 4),
                row(BenchMode.AVERAGE_TIME, Map.of("model", "A", "n", "2"), 30, r, 4));
        // New side lists them in another order, param maps in another order too; only model=B,n=1 changes.
        List<BenchmarkResult> next = List.of(row(BenchMode.AVERAGE_TIME, Map.of("n", "2", "model", "A"), 30, r, 4),
                row(BenchMode.AVERAGE_TIME, Map.of("n", "1", "model", "B"), 40, r, 4),
                row(BenchMode.AVERAGE_TIME, Map.of("n", "1", "model", "A"), 10, r, 4));
        Comparison c = compare(base, next);
        assertEquals(3, c.rows().size());
        assertEquals(Verdict.NO_CHANGE, find(c, "A", "1").verdict());
        assertEquals(Verdict.REGRESSION, find(c, "B", "1").verdict());
        assertEquals(2.0, find(c, "B", "1").ratio(), 0.05);
        assertEquals(Verdict.NO_CHANGE, find(c, "A", "2").verdict());
    }

    private static RowComparison find(Comparison c, String model, String n) {
        return c.rows().stream().filter(r -> r.key().params().equals(Map.of("model", model, "n", n))).findFirst().orElseThrow();
    }

    @Test
    void addedAndRemovedRowsAreListedNotDropped() {
        Random r = new Random(3);
        Comparison c = compare(List.of(row(BenchMode.THROUGHPUT, Map.of("x", "1"), 5, r, 3), row(BenchMode.THROUGHPUT, Map.of("x", "2"), 5, r, 3)),
                List.of(row(BenchMode.THROUGHPUT, Map.of("x", "1"), 5, r, 3), row(BenchMode.THROUGHPUT, Map.of("x", "3"), 5, r, 3)));
        assertEquals(3, c.rows().size());
        assertEquals(Verdict.REMOVED, c.rows().get(1).verdict());
        assertEquals("2", c.rows().get(1).key().params().get("x"));
        assertEquals(Verdict.ADDED, c.rows().get(2).verdict());
        assertEquals(1, c.count(Verdict.ADDED));
        assertEquals(1, c.count(Verdict.REMOVED));
        assertFalse(c.hasRegression());
    }

    @Test
    void tooFewForksIsInconclusiveNotAGuess() {
        Random r = new Random(4);
        Comparison c = compare(List.of(row(BenchMode.SINGLE_SHOT_TIME, Map.of(), 10, r, 2)),
                List.of(row(BenchMode.SINGLE_SHOT_TIME, Map.of(), 30, r, 2)));
        RowComparison row = c.rows().get(0);
        assertEquals(Verdict.INCONCLUSIVE, row.verdict());
        assertEquals("inconclusive: 2 forks", row.verdictText());
        assertTrue(Double.isNaN(row.p()), "no test is run");
        assertEquals(3.0, row.ratio(), 0.2, "the ratio and interval are still shown");
        assertFalse(c.hasRegression());
        assertEquals("inconclusive: no conclusive rows", c.geomean().verdictText());
    }

    @Test
    void mergingFilesAddsForksAndCanMakeARowConclusive() {
        Random r = new Random(5);
        ResultsFile b1 = Synthetic.file("b1", List.of(row(BenchMode.SINGLE_SHOT_TIME, Map.of(), 10, r, 2)));
        ResultsFile b2 = Synthetic.file("b2", List.of(row(BenchMode.SINGLE_SHOT_TIME, Map.of(), 10, r, 2)));
        ResultsFile n1 = Synthetic.file("n1", List.of(row(BenchMode.SINGLE_SHOT_TIME, Map.of(), 13, r, 2)));
        ResultsFile n2 = Synthetic.file("n2", List.of(row(BenchMode.SINGLE_SHOT_TIME, Map.of(), 13, r, 2)));
        Comparison c = comparer.compare(List.of(b1, b2), List.of(n1, n2));
        RowComparison row = c.rows().get(0);
        assertEquals(4, row.base().forks());
        assertEquals(20, row.base().iterations());
        assertEquals(Verdict.REGRESSION, row.verdict());
        assertEquals(1.3, row.ratio(), 0.05);
    }

    @Test
    void significantButSmallerThanTheMinimumEffectIsNoChange() {
        Random r = new Random(6);
        Synthetic.Noise tiny = new Synthetic.Noise(0.001, 0.001);
        Comparison c = compare(List.of(Synthetic.row("m", BenchMode.AVERAGE_TIME, Map.of(), Synthetic.draw(r, 100, tiny, 5, 5))),
                List.of(Synthetic.row("m", BenchMode.AVERAGE_TIME, Map.of(), Synthetic.draw(r, 102, tiny, 5, 5))));
        RowComparison row = c.rows().get(0);
        assertTrue(row.pAdjusted() < 0.001);
        assertEquals(Verdict.NO_CHANGE, row.verdict());
        assertEquals("no change", row.verdictText());
    }

    @Test
    void holmCorrectsAcrossRows() {
        double[] adjusted = Stats.holm(new double[] {0.01, 0.04, Double.NaN, 0.03});
        // Sorted: 0.01*3, 0.03*2, 0.04*1 -> 0.03, 0.06, max(0.06, 0.04)
        assertEquals(0.03, adjusted[0], 1e-12);
        assertEquals(0.06, adjusted[3], 1e-12);
        assertEquals(0.06, adjusted[1], 1e-12);
        assertTrue(Double.isNaN(adjusted[2]));
    }

    @Test
    void selectionQuantileEqualsTheSortedOne() {
        Random r = new Random(11);
        for (int n : new int[] {1, 2, 3, 10, 999, 1000}) {
            double[] data = new double[n];
            for (int i = 0; i < n; i++) {
                data[i] = r.nextInt(5) == 0 ? 1.0 : r.nextGaussian(); // ties included
            }
            double[] sorted = data.clone();
            java.util.Arrays.sort(sorted);
            for (double q : new double[] {0, 0.025, 0.5, 0.975, 1}) {
                assertEquals(Stats.quantile(sorted, q), Stats.quantileUnsorted(data.clone(), q), 0.0, "n=" + n + " q=" + q);
            }
        }
    }

    @Test
    void secondaryMetricsAreComparedAndMarkedButDoNotGate() {
        Random r = new Random(7);
        BenchmarkResult base = withSecondary(row(BenchMode.THROUGHPUT, Map.of(), 100, r, 4), "gc.alloc.rate.norm", "B/op", 100, r);
        BenchmarkResult next = withSecondary(row(BenchMode.THROUGHPUT, Map.of(), 100, r, 4), "gc.alloc.rate.norm", "B/op", 300, r);
        Comparison c = compare(List.of(base), List.of(next));
        assertEquals(2, c.rows().size());
        RowComparison secondary = c.rows().get(1);
        assertTrue(secondary.secondary());
        assertEquals(MetricKey.secondary("gc.alloc.rate.norm"), secondary.metric());
        assertEquals("Bench.m:gc.alloc.rate.norm", secondary.name());
        assertEquals(Verdict.REGRESSION, secondary.verdict(), "three times the allocation per op is worse");
        assertFalse(c.hasRegression(), "only primary metrics decide the exit code");
        String text = Format.TEXT.render(c);
        assertTrue(text.contains("\nsecondary metrics (they never set the exit status): 1 row, 1 regression(s) (gc.alloc.rate.norm 1),"),
                "counted by default, the regression named:\n" + text);
        assertTrue(text.contains("--all-metrics lists them."), text);
        String all = Format.TEXT.render(c, true);
        assertTrue(all.lines().anyMatch(l -> l.startsWith("  gc.alloc.rate.norm  B/op ") && l.endsWith("  regression")), all);
        assertTrue(Format.MARKDOWN.render(c).contains("regression (secondary)"), "the other formats list them as before");

        BenchmarkResult rate = withSecondary(row(BenchMode.THROUGHPUT, Map.of(), 100, r, 4), "gc.alloc.rate", "MB/sec", 100, r);
        BenchmarkResult rate3 = withSecondary(row(BenchMode.THROUGHPUT, Map.of(), 100, r, 4), "gc.alloc.rate", "MB/sec", 300, r);
        assertEquals(Verdict.CHANGED, compare(List.of(rate), List.of(rate3)).rows().get(1).verdict(),
                "MB/sec gives no direction");
    }

    /** -prof cpu's metrics go by their declared direction, whatever their unit says (results/Metric). */
    @Test
    void theProfilersMetricsHaveDeclaredDirections() {
        Random r = new Random(9);
        BenchmarkResult rss = withSecondary(row(BenchMode.SINGLE_SHOT_TIME, Map.of(), 100, r, 4), "rss.peak", "MB", 100, r);
        BenchmarkResult rss3 = withSecondary(row(BenchMode.SINGLE_SHOT_TIME, Map.of(), 100, r, 4), "rss.peak", "MB", 300, r);
        assertEquals(Verdict.REGRESSION, compare(List.of(rss), List.of(rss3)).rows().get(1).verdict(),
                "three times the memory is worse, though MB gives no direction");
        BenchmarkResult cores = withSecondary(row(BenchMode.SINGLE_SHOT_TIME, Map.of(), 100, r, 4), "cpu.cores", "cores", 1, r);
        BenchmarkResult cores2 = withSecondary(row(BenchMode.SINGLE_SHOT_TIME, Map.of(), 100, r, 4), "cpu.cores", "cores", 2, r);
        assertEquals(Verdict.CHANGED, compare(List.of(cores), List.of(cores2)).rows().get(1).verdict(),
                "busier cores are neither better nor worse");
        BenchmarkResult own = withSecondary(row(BenchMode.SINGLE_SHOT_TIME, Map.of(), 100, r, 4), "cpu.profiler", "ms/op", 1, r);
        BenchmarkResult own3 = withSecondary(row(BenchMode.SINGLE_SHOT_TIME, Map.of(), 100, r, 4), "cpu.profiler", "ms/op", 3, r);
        assertEquals(Verdict.CHANGED, compare(List.of(own), List.of(own3)).rows().get(1).verdict(),
                "the profiler's own CPU is no cost of the code under test, though ms/op would say lower is better");
    }

    private static BenchmarkResult withSecondary(BenchmarkResult r, String name, String unit, double center, Random random) {
        double[][] data = Synthetic.draw(random, center, QUIET, 4, 5);
        List<List<Double>> raw = java.util.Arrays.stream(data).map(f -> java.util.Arrays.stream(f).boxed().toList()).toList();
        Metric m = new Metric(center, Double.NaN, unit, raw, List.of());
        return new BenchmarkResult(r.benchmark(), r.mode(), r.threads(), r.forks(), r.params(), r.primary(), Map.of(name, m), r.vm());
    }

    @Test
    void mixedUnitsOrModesForOneRowAreErrors() {
        Random r = new Random(8);
        BenchmarkResult ms = row(BenchMode.AVERAGE_TIME, Map.of(), 1, r, 3);
        Metric us = new Metric(1000, 1, "us/op", ms.primary().rawData(), List.of());
        BenchmarkResult inMicros = new BenchmarkResult(ms.benchmark(), ms.mode(), 1, 3, ms.params(), us, Map.of(), ms.vm());
        ResultsException e = assertThrows(ResultsException.class, () -> compare(List.of(ms), List.of(inMicros)));
        assertEquals("mixed units for Bench.m avgt: base ms/op, new us/op", e.getMessage());

        BenchmarkResult thrpt = row(BenchMode.THROUGHPUT, Map.of(), 1, r, 3);
        e = assertThrows(ResultsException.class, () -> compare(List.of(ms), List.of(thrpt)));
        assertTrue(e.getMessage().startsWith("mixed modes for Bench.m"), e.getMessage());
    }

    @Test
    void environmentDifferencesAreWarningsAndAMissingSidecarIsANote() {
        Random r = new Random(9);
        Environment a = env("CPU A", 2);
        Environment b = env("CPU B", 4);
        ResultsFile base = new ResultsFile(Path.of("a.json"), List.of(row(BenchMode.SINGLE_SHOT_TIME, Map.of(), 1, r, 3)), Optional.of(a));
        ResultsFile next = new ResultsFile(Path.of("b.json"), List.of(row(BenchMode.SINGLE_SHOT_TIME, Map.of(), 1, r, 3)), Optional.of(b));
        Comparison c = comparer.compare(List.of(base), List.of(next));
        assertEquals(List.of("environment differs: CPU model: 'CPU A' vs 'CPU B'", "environment differs: logical cores: '2' vs '4'"),
                c.warnings());
        assertTrue(c.notes().isEmpty());
        ResultsFile bare = Synthetic.file("bare.json", List.of(row(BenchMode.SINGLE_SHOT_TIME, Map.of(), 1, r, 3)));
        Comparison d = comparer.compare(List.of(base), List.of(bare));
        assertEquals(List.of("no environment sidecar for bare.json: CPU, cores and memory not checked"), d.notes());
        assertNotNull(d.geomean());
    }

    /** A check of two CPUs from synthetic samples: equal, unequal (CPU 1 at 0.6) or unsteady (CPU 0's rounds alternating 40% apart). */
    static CoreCheck check(CoreCheck.Verdict verdict) {
        double[][] samples = switch (verdict) {
            case EQUAL -> new double[][] {{5, 5, 5}, {5, 5.1, 5}};
            case UNEQUAL -> new double[][] {{5, 5, 5}, {8, 8, 8}};
            case UNSTEADY -> new double[][] {{5, 7, 5, 7, 5, 7, 5, 7, 5}, {5, 5, 5, 5, 5, 5, 5, 5, 5}};
        };
        CoreCheck c = CoreCheck.of("2026-11-27T00:00:00Z", "fib(30)", 10, "taskset", CpuList.of(0, 1), samples);
        assertEquals(verdict, c.verdict());
        return c;
    }

    private Comparison withChecks(CoreCheck baseBefore, CoreCheck baseAfter, CoreCheck newBefore, CoreCheck newAfter) {
        Random r = new Random(4);
        Environment plain = env("CPU A", 2);
        ResultsFile base = new ResultsFile(Path.of("a.json"), List.of(row(BenchMode.SINGLE_SHOT_TIME, Map.of(), 1, r, 3)),
                Optional.of(plain.withMachine(null, baseBefore, baseAfter)));
        ResultsFile next = new ResultsFile(Path.of("b.json"), List.of(row(BenchMode.SINGLE_SHOT_TIME, Map.of(), 1, r, 3)),
                Optional.of(plain.withMachine("0", newBefore, newAfter)));
        return comparer.compare(List.of(base), List.of(next));
    }

    @Test
    void coreChecksThatDifferWarn() {
        CoreCheck equal = check(CoreCheck.Verdict.EQUAL);
        CoreCheck unequal = check(CoreCheck.Verdict.UNEQUAL);
        CoreCheck unsteady = check(CoreCheck.Verdict.UNSTEADY);

        Comparison same = withChecks(unequal, unequal, unequal, unequal);
        assertEquals(List.of(), same.warnings(), "the same verdicts throughout: nothing differs");
        assertEquals(List.of(), same.notes());

        Comparison sides = withChecks(equal, equal, unequal, unequal);
        assertEquals(List.of("core checks differ: base equal before and after; new unequal before and after: single-threaded"
                + " rows may have moved with the cores, not the code (docs/machine.md; pin both runs with --cpus)"), sides.warnings());

        Comparison during = withChecks(equal, equal, equal, unsteady);
        assertEquals(1, during.warnings().size());
        assertTrue(during.warnings().get(0).startsWith("core checks differ: base equal before and after; new equal before,"
                + " unsteady after: "), during.warnings().get(0));

        Comparison half = withChecks(equal, null, equal, equal);
        assertEquals(List.of(), half.warnings(), "a missing after-check is no difference");
    }

    @Test
    void checksJudgedByTheFirstRuleAreNamedWhenTheVerdictsDiffer() {
        // As a sidecar from before the interquartile range recorded it: one stray round made the check unsteady.
        CoreCheck equal = check(CoreCheck.Verdict.EQUAL);
        CoreCheck older = new CoreCheck("2026-11-28T00:00:00Z", "fib(30)", 25, 5, "sched_setaffinity", equal.cpus(), 2.0, 0.14,
                null, null, CoreCheck.Verdict.UNSTEADY);
        Comparison c = withChecks(older, older, equal, equal);
        assertEquals(1, c.warnings().size(), c.warnings().toString());
        assertEquals(List.of("the base side's core checks were judged by the check's first rule (the range of its rounds,"
                + " which one stray round sets), the other side's by the current one: the verdicts may differ by rule"
                + " alone (docs/machine.md)"), c.notes());
        assertEquals(List.of(), withChecks(older, older, older, older).notes(), "one rule throughout: nothing to say");
        List<String> newerBase = withChecks(equal, equal, older, older).notes();
        assertEquals(1, newerBase.size(), newerBase.toString());
        assertTrue(newerBase.get(0).startsWith("the new side's core checks were judged by the check's first rule"), newerBase.get(0));
    }

    @Test
    void aSideWithoutCoreChecksIsANote() {
        CoreCheck equal = check(CoreCheck.Verdict.EQUAL);
        Comparison c = withChecks(null, null, equal, equal);
        assertEquals(List.of(), c.warnings());
        assertEquals(List.of("no core check in the base sidecar (older, or skipped); the other side's: equal before and after"),
                c.notes());
        assertEquals(List.of(), withChecks(null, null, null, null).notes());
    }

    private static Environment env(String cpu, int cores) {
        return new Environment(Environment.FORMAT, "r.json", "2026-11-27T00:00:00Z", "quick", cpu, cores, 1L << 30, "Linux",
                "6.1", "amd64", "Eclipse Adoptium", "21.0.5+11", List.of(), List.of(), null, null);
    }

    @Test
    void bootstrapIsReproducibleWithAFixedSeed() {
        Random r = new Random(10);
        List<BenchmarkResult> base = List.of(row(BenchMode.SINGLE_SHOT_TIME, Map.of(), 10, r, 4));
        List<BenchmarkResult> next = List.of(row(BenchMode.SINGLE_SHOT_TIME, Map.of(), 11, r, 4));
        assertEquals(Format.JSON.render(compare(base, next)), Format.JSON.render(compare(base, next)));
    }

    @Test
    void theSeedOfARowIsTheSameInEveryJvm() {
        // From strings whose hash the Java spec fixes: a literal, so an identity hash (which varies
        // from run to run, as an enum's does) could not pass.
        BenchmarkResult.RowKey key = new BenchmarkResult.RowKey("dev.example.Bench.m", BenchMode.THROUGHPUT, Map.of("n", "1"));
        assertEquals(SEED_OF_THAT_ROW, comparer.seed(key, MetricKey.PRIMARY));
        assertTrue(comparer.seed(key, MetricKey.secondary("gc.alloc.rate")) != comparer.seed(key, MetricKey.PRIMARY));
    }

    private static final long SEED_OF_THAT_ROW = 383_809_455L;

    /** A throughput drop of 4.9% is a 5.2% slower time: at least the 5% minimum effect, on the log scale. */
    @Test
    void theMinimumEffectIsSymmetricOnTheLogScale() {
        Random r = new Random(12);
        Synthetic.Noise tiny = new Synthetic.Noise(0.0005, 0.0005);
        Comparison c = compare(List.of(Synthetic.row("m", BenchMode.THROUGHPUT, Map.of(), Synthetic.draw(r, 1000, tiny, 5, 5))),
                List.of(Synthetic.row("m", BenchMode.THROUGHPUT, Map.of(), Synthetic.draw(r, 1000 / 1.052, tiny, 5, 5))));
        RowComparison row = c.rows().get(0);
        assertEquals(0.951, row.ratio(), 0.001);
        assertEquals(Verdict.REGRESSION, row.verdict(), "|ratio - 1| = 4.9% would have missed it");
    }

    /**
     * The ratio, the direction and the test use one estimator, the geometric one: here one slow
     * fork makes the arithmetic mean of new higher than base while every other fork is 20% faster.
     */
    @Test
    void theRatioIsGeometricLikeTheTest() {
        double[][] base = {{1.0}, {1.0}, {1.0}, {1.0}, {1.0}};
        double[][] next = {{0.8}, {0.8}, {0.8}, {0.8}, {2.0}};
        Comparison c = compare(List.of(Synthetic.row("m", BenchMode.AVERAGE_TIME, Map.of(), base)),
                List.of(Synthetic.row("m", BenchMode.AVERAGE_TIME, Map.of(), next)));
        RowComparison row = c.rows().get(0);
        assertEquals(Math.exp((4 * Math.log(0.8) + Math.log(2.0)) / 5), row.ratio(), 1e-12);
        assertTrue(row.ratio() < 1, "geometric: faster, although the arithmetic mean (1.04) is slower");
    }

    @Test
    void anIntervalTooWideForEitherAnswerIsInconclusiveNotNoChange() {
        Random r = new Random(13);
        Synthetic.Noise noisy = new Synthetic.Noise(0.2, 0.05);
        Comparison c = compare(List.of(Synthetic.row("m", BenchMode.AVERAGE_TIME, Map.of(), Synthetic.draw(r, 100, noisy, 3, 3))),
                List.of(Synthetic.row("m", BenchMode.AVERAGE_TIME, Map.of(), Synthetic.draw(r, 100, noisy, 3, 3))));
        RowComparison row = c.rows().get(0);
        assertTrue(row.ciHigh() / row.ciLow() > 1.1, row.ciLow() + " " + row.ciHigh());
        assertEquals(Verdict.INCONCLUSIVE, row.verdict());
        assertEquals("inconclusive: interval wider than ±5%", row.verdictText());
    }
}
