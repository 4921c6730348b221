package dev.concurrencybench.ab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concurrencybench.ab.SimulatedMachine.Model;
import dev.concurrencybench.ab.SimulatedMachine.Noise;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineTest {

    private static final Noise QUIET = new Noise(0.65, 0, 0, 0);

    private static Row row(String name) {
        return AbFixtures.ss(name);
    }

    private static Engine.Config config(Duration budget, long seed) {
        return new Engine.Config(budget, 0.05, 0.05, seed, Map.of());
    }

    private static Engine.Result run(Map<Row, Model> models, Duration budget, long seed, List<String> progress)
            throws InterruptedException {
        SimulatedMachine machine = new SimulatedMachine(models, Map.of(), QUIET, seed);
        return new Engine(List.copyOf(models.keySet()), machine, machine::now, config(budget, seed), progress::add).run();
    }

    private static Engine.RowOutcome outcome(Engine.Result r, String name) {
        return r.rows().stream().filter(o -> o.row().benchmark().endsWith("." + name)).findFirst().orElseThrow();
    }

    @Test
    void everyRowGetsThePilotThenTwoPlansAndTheRoundsRunThemToTheEnd() throws Exception {
        Map<Row, Model> models = new LinkedHashMap<>();
        models.put(row("quiet"), new Model(0.1, 0.1, 0.001, 0.001, 0));
        models.put(row("noisy"), new Model(0.2, 0.2, 0.02, 0.02, 0));
        models.put(row("hopeless"), new Model(0.2, 0.2, 0.5, 0.40, 0));
        List<String> progress = new ArrayList<>();
        Engine.Result r = run(models, Duration.ofMinutes(10), 1, progress);
        Engine.RowOutcome quiet = outcome(r, "quiet");
        Engine.RowOutcome noisy = outcome(r, "noisy");
        Engine.RowOutcome hopeless = outcome(r, "hopeless");
        assertEquals(Engine.Status.DONE, quiet.status());
        assertEquals(Engine.Status.DONE, noisy.status());
        assertEquals(quiet.planned(), quiet.pairs().length);
        assertEquals(noisy.planned(), noisy.pairs().length);
        assertTrue(quiet.pairs().length < noisy.pairs().length, quiet.pairs().length + " vs " + noisy.pairs().length);
        assertEquals(Engine.Status.OUT_OF_REACH, hopeless.status());
        assertEquals(Engine.PILOT, hopeless.pairs().length, "out of reach: the pilot's pairs only");
        assertTrue(r.elapsedNanos() < Duration.ofMinutes(10).toNanos(), "stops once every plan has run");
        assertTrue(progress.get(0).matches("ab: round 1 \\(pilot\\): 0 of 3 rows done, \\d+m\\d\\ds left"), progress.get(0));
        assertTrue(progress.get(1).matches("ab: round 2 \\(pilot\\): 3 of 3 rows done, .*"), progress.get(1));
        // The first plan brings the two rows in reach, each alone in its benchmark, to their fewest
        // pairs (9, from the pilot's 2); the second plans the rest on those pairs.
        assertTrue(progress.get(2).matches("ab: first plan \\(the fewest pairs\\): 2 of 3 rows get 14 more pairs"
                + " \\(about (\\d+m)?\\d+s\\), 1 out of reach"), progress.get(2));
        assertTrue(progress.get(3).startsWith("ab: round 3 (plan): 1 of 3 rows done"), progress.get(3));
        assertTrue(progress.get(9).startsWith("ab: round 9 (plan): 3 of 3 rows done"), progress.get(9));
        assertTrue(progress.get(10).matches("ab: plan: \\d of 3 rows get \\d+ more pairs \\(about (\\d+m)?\\d+s\\), 1 out of reach"),
                progress.get(10));
        assertEquals(r.rounds() + 2, progress.size(), "one line per round and one per plan");
        assertEquals(2, r.chosen().plans());
    }

    /** The notes say which fewest pairs the plan used and which rows it planned on their own pilot. */
    @Test
    void theResultSaysWhatThePlanChose() throws Exception {
        Map<Row, Model> models = new LinkedHashMap<>();
        models.put(row("quiet"), new Model(0.1, 0.1, 0.001, 0.001, 0));
        models.put(row("noisy"), new Model(0.2, 0.2, 0.02, 0.02, 0));
        Engine.Result r = run(models, Duration.ofMinutes(10), 1, new ArrayList<>());
        assertEquals(List.of(row("quiet"), row("noisy")), r.chosen().alone(), "each alone in its benchmark");
        assertTrue(r.chosen().trimmed(), "ten minutes pay the trimmed pairs");
        assertEquals(Planner.TRIMMED.family(), r.chosen().fewestPairs());
        assertEquals(Planner.TRIMMED.alone(), r.chosen().fewestAlone());
        String note = AbReport.planNote(r, 10);
        assertTrue(note.contains("; planned twice: on the pilot, then on all pairs once the rows in reach had their fewest"
                + "; at least 8 pairs a row in reach (9 for a row alone), the trimmed ones, which the budget"
                + " pays for every row; 2 rows planned alone (no family lent them its spread): "), note);
        assertEquals(Engine.Chosen.NONE, new Engine.Result(r.rows(), r.controls(), 1, 0).chosen(), "no plan, nothing said");
        assertTrue(AbReport.planNote(new Engine.Result(r.rows(), r.controls(), 1, 0), 10).indexOf("at least") < 0);
    }

    @Test
    void theBudgetIsKept() throws Exception {
        Map<Row, Model> models = new LinkedHashMap<>();
        for (int i = 0; i < 6; i++) {
            models.put(row("r" + i), new Model(0.5, 0.5, 0.03, 0.03, 0));
        }
        Duration budget = Duration.ofMinutes(2);
        Engine.Result r = run(models, budget, 2, new ArrayList<>());
        // At most one fork's worth over: the first pair of a row is run before its cost is known.
        long longestFork = r.rows().stream().flatMap(o -> java.util.stream.Stream.concat(o.base().stream(), o.next().stream()))
                .mapToLong(Fork::nanos).max().orElseThrow();
        assertTrue(r.elapsedNanos() <= budget.toNanos() + 2 * longestFork, Durations.format(r.elapsedNanos()));
        assertTrue(r.rows().stream().allMatch(o -> o.pairs().length >= Engine.PILOT));
    }

    /** The plan reads spreads and costs only: a new build 30% slower gets the very plan an unchanged one gets. */
    @Test
    void thePlanDoesNotDependOnTheChange() throws Exception {
        Map<Row, Model> models = new LinkedHashMap<>();
        models.put(row("a"), new Model(0.2, 0.2, 0.02, 0.02, 0));
        models.put(row("b"), new Model(0.3, 0.3, 0.04, 0.02, 0));
        models.put(row("c"), new Model(0.1, 0.1, 0.005, 0.01, 0));
        List<Integer> plans = new ArrayList<>();
        for (double factor : new double[] {1, 1.3}) {
            SimulatedMachine machine = new SimulatedMachine(models, Map.of(), QUIET, 8);
            // The new side's scores scaled after the fact: the same forks, costs and noise, another change.
            ForkRunner scaled = (side, row, settings, tag, timeout) -> {
                Fork f = machine.run(side, row, settings, tag, timeout);
                if (side == Side.BASE) {
                    return f;
                }
                double[] m = java.util.Arrays.stream(f.measurements()).map(x -> x * factor).toArray();
                return new Fork(f.value() * factor, m, f.unit(), f.callSeconds(), null, f.nanos(), null);
            };
            Engine.Result r = new Engine(List.copyOf(models.keySet()), scaled, machine::now, config(Duration.ofMinutes(4), 8),
                    l -> { }).run();
            r.rows().forEach(o -> plans.add(o.planned()));
            if (factor > 1) {
                assertEquals(Math.log(1.3), java.util.Arrays.stream(r.rows().get(0).pairs()).average().orElseThrow(), 0.03);
            }
        }
        assertEquals(plans.subList(0, 3), plans.subList(3, 6));
    }

    @Test
    void aSeedRepeatsTheRunAndPairsAreHalfAbHalfBa() throws Exception {
        Map<Row, Model> models = new LinkedHashMap<>();
        models.put(row("a"), new Model(0.2, 0.2, 0.02, 0.02, 0));
        models.put(row("b"), new Model(0.3, 0.3, 0.02, 0.02, 0));
        Engine.Result one = run(models, Duration.ofMinutes(3), 5, new ArrayList<>());
        Engine.Result two = run(models, Duration.ofMinutes(3), 5, new ArrayList<>());
        for (int i = 0; i < 2; i++) {
            assertArrayEquals(one.rows().get(i).pairs(), two.rows().get(i).pairs());
            assertEquals(one.rows().get(i).orders(), two.rows().get(i).orders());
            List<OrderPlan.Order> orders = one.rows().get(i).orders();
            long ab = orders.stream().filter(o -> o == OrderPlan.Order.AB).count();
            assertTrue(Math.abs(2 * ab - orders.size()) <= 1, orders.toString());
            assertEquals(List.of(OrderPlan.Order.AB, OrderPlan.Order.BA), orders.subList(0, 2).stream().sorted().toList(),
                    "the pilot is one AB and one BA");
        }
    }

    @Test
    void aRowThatFailsOnOneSideStopsAndTheOthersGoOnAndOneThatNeverRanThereRunsOnTheOtherOnly() throws Exception {
        Map<Row, Model> models = new LinkedHashMap<>();
        Row never = row("never");
        Row later = row("later");
        Row neither = row("neither");
        models.put(never, new Model(0.2, 0.2, 0.001, 0.001, 0));
        models.put(later, new Model(0.2, 0.2, 0.001, 0.001, 0));
        models.put(neither, new Model(0.2, 0.2, 0.001, 0.001, 0));
        models.put(row("fine"), new Model(0.2, 0.2, 0.001, 0.001, 0));
        SimulatedMachine machine = new SimulatedMachine(models, Map.of(), QUIET, 3);
        Map<Row, Integer> calls = new LinkedHashMap<>();
        ForkRunner failing = (side, row, settings, tag, timeout) -> {
            int call = calls.merge(row, 1, Integer::sum);
            boolean fails = row.equals(never) && side == Side.NEW || row.equals(neither) || row.equals(later) && call > 2;
            return fails ? Fork.failed("JMH exited with 1: java.lang.IllegalStateException: boom", 1_000_000_000L)
                    : machine.run(side, row, settings, tag, timeout);
        };
        Engine.Result r = new Engine(List.copyOf(models.keySet()), failing, machine::now, config(Duration.ofMinutes(5), 3),
                l -> { }).run();
        // The first pair of "never" runs its base fork too, first or second: it runs on base only.
        assertEquals(Engine.Status.ONE_SIDED, outcome(r, "never").status());
        assertEquals(Side.BASE, outcome(r, "never").onlyOn());
        assertEquals("failed on new: JMH exited with 1: java.lang.IllegalStateException: boom", outcome(r, "never").failure());
        assertEquals(1, outcome(r, "never").base().size());
        assertEquals(Engine.Status.FAILED, outcome(r, "later").status(), "it ran on both sides before it failed");
        assertEquals(1, outcome(r, "later").pairs().length);
        assertEquals(Engine.Status.FAILED, outcome(r, "neither").status());
        assertEquals(null, outcome(r, "neither").onlyOn());
        assertEquals(Engine.Status.DONE, outcome(r, "fine").status());
    }

    @Test
    void laterPairsUseSettingsSizedFromTheFirst() throws Exception {
        Map<Row, Model> models = new LinkedHashMap<>();
        models.put(row("short"), new Model(0.014, 0.014, 0.03, 0.09, 0));
        Engine.Result r = run(models, Duration.ofMinutes(5), 4, new ArrayList<>());
        List<Fork> base = r.rows().get(0).base();
        assertEquals(2, base.get(0).measurements().length, "the first pair probes");
        assertEquals(36, base.get(1).measurements().length, "then 0.5 s of 14 ms calls");
    }

    /** When the forks turn slower than the pilot said, the time runs out first: the rows short of their plans say so. */
    @Test
    void whenTheTimeRunsOutFirstThePlansAreCutShortAndSaySo() throws Exception {
        Map<Row, Model> models = new LinkedHashMap<>();
        for (String name : List.of("a", "b", "c", "d")) {
            models.put(row(name), new Model(0.2, 0.2, 0.2, 0.02, 0));
        }
        SimulatedMachine machine = new SimulatedMachine(models, Map.of(), QUIET, 9);
        long[] extra = {0};
        ForkRunner slowing = (side, row, settings, tag, timeout) -> {
            Fork f = machine.run(side, row, settings, tag, timeout);
            if (!tag.startsWith("r1-") && !tag.startsWith("r2-")) {
                extra[0] += f.nanos();
                return new Fork(f.value(), f.measurements(), f.unit(), f.callSeconds(), null, 2 * f.nanos(), null);
            }
            return f;
        };
        Engine.Result r = new Engine(List.copyOf(models.keySet()), slowing, () -> machine.now() + extra[0],
                config(Duration.ofMinutes(2), 9), l -> { }).run();
        assertTrue(r.rows().stream().anyMatch(o -> o.status() == Engine.Status.TRUNCATED));
        for (Engine.RowOutcome o : r.rows()) {
            assertEquals(o.status() == Engine.Status.TRUNCATED, o.pairs().length < o.planned(), o.pairs().length + " of "
                    + o.planned() + ": " + o.status());
        }
    }

    @Test
    void aControlRowRunsTheBaseJarTwiceAndGetsItsTwinsPairs() throws Exception {
        Map<Row, Model> models = new LinkedHashMap<>();
        for (String name : List.of("a", "b", "c")) {
            models.put(row(name), new Model(0.2, 0.2, 0.01, 0.01, 0));
        }
        List<Row> rows = List.copyOf(models.keySet());
        Map<Row, Double> slower = new LinkedHashMap<>();
        rows.forEach(r -> slower.put(r, 1.10));
        SimulatedMachine machine = new SimulatedMachine(models, slower, QUIET, 6);
        List<String> calls = new ArrayList<>();
        ForkRunner recording = (side, row, settings, tag, timeout) -> {
            calls.add(tag + " " + side.label());
            return machine.run(side, row, settings, tag, timeout);
        };
        List<String> progress = new ArrayList<>();
        Engine.Result r = new Engine(rows, List.of(rows.get(1)), recording, machine::now, config(Duration.ofMinutes(5), 6),
                progress::add).run();

        assertEquals(3, r.rows().size());
        assertEquals(1, r.controls().size());
        Engine.RowOutcome control = r.controls().get(0);
        assertEquals(rows.get(1), control.row());
        assertEquals(r.rows().get(1).planned(), control.planned(), "its twin's plan");
        assertEquals(r.rows().get(1).pairs().length, control.pairs().length);
        double mean = java.util.Arrays.stream(control.pairs()).average().orElseThrow();
        assertTrue(Math.abs(mean) < 0.02, "base against base shows no slowdown: " + mean);
        for (Engine.RowOutcome real : r.rows()) {
            double m = java.util.Arrays.stream(real.pairs()).average().orElseThrow();
            assertEquals(Math.log(1.10), m, 0.02, real.row().display());
        }
        List<String> controlCalls = calls.stream().filter(c -> c.matches("r\\d+-c0-.*")).toList();
        assertEquals(2 * control.pairs().length, controlCalls.size(), controlCalls.toString());
        assertTrue(controlCalls.stream().allMatch(c -> c.endsWith(" base")), "both forks of a control pair run the base jar");
        assertEquals(control.pairs().length, controlCalls.stream().filter(c -> c.contains("-control ")).count(),
                "one fork per pair stands in for new");
        long ab = control.orders().stream().filter(o -> o == OrderPlan.Order.AB).count();
        assertTrue(Math.abs(2 * ab - control.orders().size()) <= 1, "half AB, half BA: " + control.orders());
        assertTrue(progress.get(progress.size() - 1).matches("ab: round \\d+ \\(plan\\): 3 of 3 rows done, 1 of 1 control rows"
                + " done, .*"), progress.get(progress.size() - 1));
    }
}
