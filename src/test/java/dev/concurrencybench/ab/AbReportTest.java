package dev.concurrencybench.ab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concurrencybench.compare.Comparison;
import dev.concurrencybench.compare.Format;
import dev.concurrencybench.compare.RowComparison;
import dev.concurrencybench.compare.Verdict;
import dev.concurrencybench.results.BenchMode;
import dev.concurrencybench.results.BenchmarkResult.RowKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Verdicts on synthetic pairs: the pairs are made by hand, the report decides. */
class AbReportTest {

    private static final Comparison.Design DESIGN = new Comparison.Design("Same-machine A/B (ab)", "test", Map.of());

    /** A row whose pairs are {@code centre} (time-like log ratio) plus normal noise of {@code sd}. */
    private static Engine.RowOutcome row(Row row, int n, double centre, double sd, long seed) {
        Random r = new Random(seed);
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = centre + sd * r.nextGaussian();
        }
        return AbFixtures.outcome(row, d, Engine.Status.DONE, "ms/op");
    }

    private static Comparison report(Engine.RowOutcome... rows) {
        List<Row> all = java.util.Arrays.stream(rows).map(Engine.RowOutcome::row).toList();
        return AbReport.build(new Rows(all, List.of(), List.of()), new Engine.Result(List.of(rows), List.of(), 5, 0), 0.05, 0.05,
                DESIGN, List.of(), List.of(), Double.NaN);
    }

    private static Row named(String name, BenchMode mode) {
        return new Row(new RowKey("dev.example.B." + name, mode, Map.of()), Set.of(), 4, null, 4, null);
    }

    @Test
    void aClearSlowdownIsARegressionAndTheRatioIsItsSize() {
        Comparison c = report(row(named("slow", BenchMode.SINGLE_SHOT_TIME), 8, Math.log(1.10), 0.005, 1));
        RowComparison r = c.rows().get(0);
        assertEquals(Verdict.REGRESSION, r.verdict());
        assertEquals(1.10, r.ratio(), 0.01);
        assertTrue(r.ciLow() > 1.05 && r.ciHigh() < 1.15, r.ciLow() + " " + r.ciHigh());
        assertTrue(r.mde() > 0.05 && r.mde() < 0.055, "8 pairs with 0.5% noise: just above the minimum effect, never below: "
                + r.mde());
        assertTrue(c.hasRegression());
    }

    @Test
    void throughputIsInvertedSoASlowdownIsStillARegression() {
        Comparison c = report(row(named("rate", BenchMode.THROUGHPUT), 8, Math.log(1.10), 0.005, 2));
        RowComparison r = c.rows().get(0);
        assertEquals(Verdict.REGRESSION, r.verdict());
        assertEquals(1 / 1.10, r.ratio(), 0.01, "shown on the row's own scale: ops/s fell");
        assertTrue(r.ciHigh() < 1);
        Comparison faster = report(row(named("rate", BenchMode.THROUGHPUT), 8, Math.log(0.9), 0.005, 3));
        assertEquals(Verdict.IMPROVEMENT, faster.rows().get(0).verdict());
    }

    @Test
    void aTightIntervalAroundZeroIsNoChangeAndAWideOneInconclusive() {
        Comparison c = report(row(named("same", BenchMode.SINGLE_SHOT_TIME), 8, 0, 0.005, 4),
                row(named("noisy", BenchMode.SINGLE_SHOT_TIME), 6, 0, 0.2, 5));
        assertEquals(Verdict.NO_CHANGE, c.rows().get(0).verdict());
        assertEquals(Verdict.INCONCLUSIVE, c.rows().get(1).verdict());
        assertEquals("inconclusive: interval wider than ±5%", c.rows().get(1).verdictText());
        assertFalse(c.hasRegression());
    }

    @Test
    void significantButBelowTheMinimumEffectIsNotARegression() {
        // +3% with 0.3% noise: significant, and the interval lies inside +-5%.
        Comparison c = report(row(named("small", BenchMode.SINGLE_SHOT_TIME), 10, Math.log(1.03), 0.003, 6));
        assertEquals(Verdict.NO_CHANGE, c.rows().get(0).verdict());
        assertTrue(c.rows().get(0).p() < 0.001);
        // +4.6% give or take 1%: significant, below 5%, interval across 5%: inconclusive, not a regression.
        Engine.RowOutcome edge = row(named("edge", BenchMode.SINGLE_SHOT_TIME), 10, 0, 0, 7);
        for (int i = 0; i < 10; i++) {
            edge.pairs()[i] = Math.log(1.046) + (i % 2 == 0 ? 0.01 : -0.01);
        }
        Comparison d = report(edge);
        assertEquals(Verdict.INCONCLUSIVE, d.rows().get(0).verdict());
        assertEquals("inconclusive: significant, below 5%", d.rows().get(0).verdictText());
    }

    @Test
    void oneBurstPairAmongTenIsTrimmedAway() {
        Engine.RowOutcome r = row(named("burst", BenchMode.SINGLE_SHOT_TIME), 10, Math.log(1.08), 0.004, 8);
        r.pairs()[3] = Math.log(0.63);
        r.pairs()[7] = Math.log(1.55);
        RowComparison line = report(r).rows().get(0);
        assertEquals(1.08, line.ratio(), 0.005, "a mean would say " + Math.exp(java.util.Arrays.stream(r.pairs()).average().orElseThrow()));
        assertEquals(Verdict.REGRESSION, line.verdict());
    }

    @Test
    void holmAcrossRowsMakesOneChangedRowAmongManyNeedMore() {
        List<Engine.RowOutcome> rows = new ArrayList<>();
        rows.add(row(named("changed", BenchMode.SINGLE_SHOT_TIME), 4, Math.log(1.10), 0.03, 9));
        Comparison alone = report(rows.toArray(Engine.RowOutcome[]::new));
        for (int i = 0; i < 63; i++) {
            rows.add(row(named("same" + i, BenchMode.SINGLE_SHOT_TIME), 4, 0, 0.001, 10 + i));
        }
        Comparison among = report(rows.toArray(Engine.RowOutcome[]::new));
        assertEquals(Verdict.REGRESSION, alone.rows().get(0).verdict());
        assertTrue(among.rows().get(0).pAdjusted() > alone.rows().get(0).pAdjusted());
        assertTrue(among.rows().get(0).mde() > alone.rows().get(0).mde(), "the minimum detectable effect is at the family's level");
    }

    @Test
    void aFailedRowOrOnePairIsInconclusiveAndAddedRowsAreListed() {
        Engine.RowOutcome failed = new Engine.RowOutcome(named("broken", BenchMode.SINGLE_SHOT_TIME), new double[0], List.of(),
                List.of(), List.of(), 2, Engine.Status.FAILED, "failed on new: JMH exited with 1: boom", null, null);
        Engine.RowOutcome one = row(named("once", BenchMode.SINGLE_SHOT_TIME), 1, 0, 0.01, 11);
        RowKey added = new RowKey("dev.example.B.fresh", BenchMode.SINGLE_SHOT_TIME, Map.of());
        Comparison c = AbReport.build(new Rows(List.of(failed.row(), one.row()), List.of(added), List.of()),
                new Engine.Result(List.of(failed, one), List.of(), 1, 0), 0.05, 0.05, DESIGN, List.of(), List.of(), Double.NaN);
        assertEquals("inconclusive: failed on new: JMH exited with 1: boom", c.rows().get(0).verdictText());
        assertEquals("inconclusive: 1 pair", c.rows().get(1).verdictText());
        assertEquals(Verdict.ADDED, c.rows().get(2).verdict());
        assertFalse(c.hasRegression());
    }

    @Test
    void everyFormatShowsTheMinimumDetectableEffect() {
        Comparison c = report(row(named("slow", BenchMode.SINGLE_SHOT_TIME), 8, Math.log(1.10), 0.005, 12));
        assertTrue(Format.MARKDOWN.render(c).contains("| p (Holm) | MDE | verdict |"), Format.MARKDOWN.render(c));
        assertTrue(Format.MARKDOWN.render(c).startsWith("### Same-machine A/B (ab)"));
        assertTrue(Format.CSV.render(c).lines().findFirst().orElseThrow().contains(",mde,"));
        assertTrue(Format.JSON.render(c).contains("\"mde\""));
    }

    private static Comparison withControls(List<Engine.RowOutcome> real, List<Engine.RowOutcome> controls) {
        List<Row> all = real.stream().map(Engine.RowOutcome::row).toList();
        return AbReport.build(new Rows(all, List.of(), List.of()), new Engine.Result(real, controls, 5, 0), 0.05, 0.05,
                DESIGN, List.of(), List.of(), 0.2);
    }

    @Test
    void controlRowsReportTheirPValuesAsASmokeTestAndStayOutOfTheVerdicts() {
        List<Engine.RowOutcome> real = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            real.add(row(named("same" + i, BenchMode.SINGLE_SHOT_TIME), 8, 0, 0.005, 100 + i));
        }
        // Base against base cannot differ, but a broken run could make it look so: this one shows +10%.
        Engine.RowOutcome alarm = row(named("same3", BenchMode.SINGLE_SHOT_TIME), 8, Math.log(1.10), 0.005, 200);
        Engine.RowOutcome quiet = row(named("same5", BenchMode.SINGLE_SHOT_TIME), 8, 0, 0.005, 201);
        Engine.RowOutcome once = row(named("same7", BenchMode.SINGLE_SHOT_TIME), 1, 0, 0.005, 202);
        Comparison with = withControls(real, List.of(alarm, quiet, once));
        Comparison without = report(real.toArray(Engine.RowOutcome[]::new));

        assertEquals(without.rows(), with.rows(), "the real rows' verdicts and Holm family are their own");
        assertEquals(without.geomean(), with.geomean());
        assertFalse(with.hasRegression(), "a control row never sets the exit status");
        Comparison.Control k = with.control();
        assertEquals(3, k.rows().size());
        assertEquals(2, k.tested(), "one pair cannot be tested");
        assertEquals(1, k.flagged());
        assertEquals(17, k.pairs());
        assertEquals(List.of(k.rows().get(0).p(), k.rows().get(1).p()), k.pValues(), "ascending");
        assertEquals(1, k.below(0.01));
        assertEquals(List.of(Verdict.REGRESSION, Verdict.NO_CHANGE, Verdict.INCONCLUSIVE), k.rows().stream().map(RowComparison::verdict).toList());
        assertEquals(List.of(k.rows().get(0)), k.falseAlarms());
        String summary = k.summary();
        assertTrue(summary.matches("control \\(base against base, share 0.2\\): p-values of 2 control rows <0\\.001 0\\.\\d{3};"
                + " below 0.5: [12] \\(uniform: 1.0\\); below 0.1: 1 \\(uniform: 0.2\\); below 0.01: 1 \\(uniform: 0.0\\);"
                + " 1 flagged at the gate's rule; 3 rows, 17 pairs\\. A smoke test: .*"), summary);
        assertTrue(summary.contains("the false-alarm rate itself comes from the simulation and repeated A/A runs"
                + " (docs/regression-gate.md), not from 3 rows"), summary);
        assertEquals(null, without.control());
    }

    @Test
    void aControlRowMeetsTheHolmStepOfTheWholeRun() {
        Engine.RowOutcome changed = row(named("c", BenchMode.SINGLE_SHOT_TIME), 4, Math.log(1.10), 0.01, 9);
        RowComparison alone = withControls(List.of(), List.of(changed)).control().rows().get(0);
        List<Engine.RowOutcome> real = new ArrayList<>();
        for (int i = 0; i < 63; i++) {
            real.add(row(named("same" + i, BenchMode.SINGLE_SHOT_TIME), 4, 0, 0.001, 10 + i));
        }
        RowComparison among = withControls(real, List.of(changed)).control().rows().get(0);
        assertEquals(Verdict.REGRESSION, alone.verdict());
        assertEquals(alone.p(), among.p());
        assertTrue(among.pAdjusted() > alone.pAdjusted(), "one more row among 64, as a real row of this run would be");
        RowComparison asReal = report(java.util.stream.Stream.concat(real.stream(), java.util.stream.Stream.of(changed))
                .toArray(Engine.RowOutcome[]::new)).rows().get(63);
        assertEquals(asReal.pAdjusted(), among.pAdjusted(), 1e-12, "the same adjusted p as the row would have had among them");
        assertEquals(asReal.verdict(), among.verdict());
    }

    @Test
    void everyFormatReportsTheControl() {
        Engine.RowOutcome alarm = row(named("slow", BenchMode.SINGLE_SHOT_TIME), 8, Math.log(1.10), 0.005, 12);
        Comparison c = withControls(List.of(row(named("slow", BenchMode.SINGLE_SHOT_TIME), 8, 0, 0.005, 13)), List.of(alarm));
        String summary = c.control().summary();
        String text = Format.TEXT.render(c);
        assertTrue(text.replace("\n  ", " ").contains("\n" + summary + "\n"), "wrapped to 120 columns:\n" + text);
        assertTrue(text.contains("control false alarm: B.slow: 1.099 [1.09"), text);
        String md = Format.MARKDOWN.render(c);
        assertTrue(md.contains("**control (base against base, share 0.2):** p-values of 1 control row <0.001; below 0.5: 1"), md);
        assertTrue(md.contains("- control false alarm: B.slow: 1.099 [1.09"), md);
        List<String> csv = Format.CSV.render(c).lines().toList();
        assertTrue(csv.get(csv.size() - 1).startsWith("control,,false,,,rows flagged,,,1,,,1,,,,"), csv.get(csv.size() - 1));
        assertTrue(csv.get(csv.size() - 1).endsWith(",,,,\"" + summary + "\""), csv.get(csv.size() - 1));
        assertTrue(csv.stream().noneMatch(l -> l.endsWith(",regression")), "no control line reads as a regression");
        String json = Format.JSON.render(c);
        assertTrue(json.contains("\"flagged\" : 1"), json);
        assertTrue(json.contains("\"pValues\" : [ "), json);
        assertTrue(json.contains("\"level\" : 0.01,\n      \"count\" : 1,\n      \"uniform\" : 0.01"), json);
        assertTrue(json.contains("\"controlRows\" : [ {"), json);
        assertFalse(Format.JSON.render(report(alarm)).contains("\"control\""), "no control object without control rows");
    }

    /** Rows whose forks hold several calls, one family: each is tested with the degrees of freedom of the others too. */
    @Test
    void rowsOfOneFamilyBorrowDegreesOfFreedomAndTheNotesSaySo() {
        List<Engine.RowOutcome> rows = new ArrayList<>();
        Random r = new Random(5);
        for (int i = 0; i < 6; i++) {
            Row row = new Row(new RowKey("dev.example.B.fib", BenchMode.SINGLE_SHOT_TIME, Map.of("model", "M" + i)), Set.of(), 4,
                    null, 4, null);
            double[] d = new double[6];
            List<Fork> base = new ArrayList<>();
            List<Fork> next = new ArrayList<>();
            for (int k = 0; k < d.length; k++) {
                d[k] = 0.05 * r.nextGaussian();
                double[] calls = {100 * Math.exp(0.02 * r.nextGaussian()), 100 * Math.exp(0.02 * r.nextGaussian())};
                base.add(new Fork(100, calls, "ms/op", 0.1, null, 0, null));
                next.add(new Fork(100 * Math.exp(d[k]), calls, "ms/op", 0.1, null, 0, null));
            }
            rows.add(new Engine.RowOutcome(row, d, List.of(), base, next, 6, Engine.Status.DONE, null, "ms/op", null));
        }
        Comparison c = report(rows.toArray(Engine.RowOutcome[]::new));
        assertTrue(c.rows().stream().allMatch(l -> l.df() > 5), c.rows().stream().map(l -> "" + l.df()).toList().toString());
        assertTrue(c.notes().stream().anyMatch(n -> n.startsWith("moderated variances (prior degrees of freedom d0, prior"
                + " spread per pair s0): B.fib ss, 6 rows: d0 ")), c.notes().toString());
        assertTrue(Format.JSON.render(c).contains("\"df\" : "));
        assertTrue(Format.CSV.render(c).lines().findFirst().orElseThrow().endsWith(",mde,df,verdict"));
    }

    /** Two identical pairs and nothing to borrow from: no test at all, rather than p = 0. */
    @Test
    void pairsWithoutSpreadAreNotTested() {
        Engine.RowOutcome same = row(named("same", BenchMode.SINGLE_SHOT_TIME), 2, 0.03, 0, 1);
        RowComparison line = report(same).rows().get(0);
        assertEquals(Verdict.INCONCLUSIVE, line.verdict());
        assertEquals("inconclusive: no spread between the pairs, cannot test", line.verdictText());
        assertTrue(Double.isNaN(line.p()));
    }

    @Test
    void rowsCutShortOrOutOfReachSaySo() {
        Engine.RowOutcome wide = row(named("wide", BenchMode.SINGLE_SHOT_TIME), 5, 0, 0.2, 2);
        Engine.RowOutcome cut = new Engine.RowOutcome(wide.row(), wide.pairs(), List.of(), wide.base(), wide.next(), 12,
                Engine.Status.TRUNCATED, null, "ms/op", null);
        assertEquals("inconclusive: interval wider than ±5% (time ran out at 5 of 12 pairs)", report(cut).rows().get(0).verdictText());
        Engine.RowOutcome out = new Engine.RowOutcome(wide.row(), wide.pairs(), List.of(), wide.base(), wide.next(), 2,
                Engine.Status.OUT_OF_REACH, null, "ms/op", null);
        assertEquals("inconclusive: too noisy for the budget", report(out).rows().get(0).verdictText());
    }

    /**
     * The geomean's interval: the mean of the rows' estimates, variance sum(se²) / k², Student's t on
     * the Welch–Satterthwaite degrees of freedom (sum se²)² / sum(se⁴ / df), here worked by hand for
     * two rows of four pairs (3 degrees of freedom each, so 6 in all when their errors are equal).
     */
    @Test
    void theGeomeanIntervalUsesWelchSatterthwaiteDegreesOfFreedom() {
        double[] a = {0.01, 0.03, 0.02, 0.04};
        double[] b = {0.05, 0.03, 0.04, 0.02};
        Engine.RowOutcome ra = row(named("a", BenchMode.SINGLE_SHOT_TIME), 4, 0, 0, 1);
        Engine.RowOutcome rb = row(named("b", BenchMode.SINGLE_SHOT_TIME), 4, 0, 0, 2);
        System.arraycopy(a, 0, ra.pairs(), 0, 4);
        System.arraycopy(b, 0, rb.pairs(), 0, 4);
        RowComparison.Geomean g = report(ra, rb).geomean();
        double se = Math.sqrt(0.0005 / 3 / 4);
        assertEquals(6, g.df(), 1e-9);
        double half = 2.4469118511449692 * Math.sqrt(2 * se * se) / 2;
        assertEquals(Math.exp(0.03), g.ratio(), 1e-12);
        assertEquals(Math.exp(0.03 - half), g.ciLow(), 1e-9);
        assertEquals(Math.exp(0.03 + half), g.ciHigh(), 1e-9);
    }
}
