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

    private static Engine.Result run(Map<Row, Model> models, Duration budget, long seed, List<String> progress)
            throws InterruptedException {
        SimulatedMachine machine = new SimulatedMachine(models, Map.of(), QUIET, seed);
        Engine engine = new Engine(List.copyOf(models.keySet()), machine, machine::now,
                new Engine.Config(budget, 0.05, 0.05, seed, Map.of()), progress::add);
        return engine.run();
    }

    private static Engine.RowOutcome outcome(Engine.Result r, String name) {
        return r.rows().stream().filter(o -> o.row().benchmark().endsWith("." + name)).findFirst().orElseThrow();
    }

    @Test
    void aQuietRowIsDecidedSoonerThanANoisyOneAndAHopelessOneDropsOutAfterOnePair() throws Exception {
        Map<Row, Model> models = new LinkedHashMap<>();
        models.put(row("quiet"), new Model(0.1, 0.1, 0.001, 0.001, 0));
        models.put(row("noisy"), new Model(0.2, 0.2, 0.02, 0.02, 0));
        models.put(row("hopeless"), new Model(0.2, 0.2, 0.05, 0.40, 0));
        List<String> progress = new ArrayList<>();
        Engine.Result r = run(models, Duration.ofMinutes(10), 1, progress);
        Engine.RowOutcome quiet = outcome(r, "quiet");
        Engine.RowOutcome noisy = outcome(r, "noisy");
        Engine.RowOutcome hopeless = outcome(r, "hopeless");
        assertEquals(Engine.Status.DECIDED, quiet.status());
        assertEquals(Engine.Status.DECIDED, noisy.status());
        assertTrue(quiet.pairs().length < noisy.pairs().length, quiet.pairs().length + " vs " + noisy.pairs().length);
        assertEquals(Engine.Status.OUT_OF_REACH, hopeless.status());
        assertEquals(1, hopeless.pairs().length, "its calls alone vary by 40%: no budget reaches 5%");
        assertTrue(r.elapsedNanos() < Duration.ofMinutes(10).toNanos(), "stops once no row needs pairs");
        assertEquals(r.rounds(), progress.size(), "one progress line per round");
        assertTrue(progress.get(0).matches("ab: round 1: 0 of 3 rows decided, 1 out of reach, \\d+m\\d\\ds left"), progress.get(0));
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
        assertTrue(r.rows().stream().allMatch(o -> o.pairs().length >= 2));
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
        }
    }

    @Test
    void aRowThatFailsOnOneSideStopsAndTheOthersGoOn() throws Exception {
        Map<Row, Model> models = new LinkedHashMap<>();
        Row broken = row("broken");
        models.put(broken, new Model(0.2, 0.2, 0.001, 0.001, 0));
        models.put(row("fine"), new Model(0.2, 0.2, 0.001, 0.001, 0));
        SimulatedMachine machine = new SimulatedMachine(models, Map.of(), QUIET, 3);
        ForkRunner failing = (side, row, settings, tag, timeout) -> side == Side.NEW && row.equals(broken)
                ? Fork.failed("JMH exited with 1: java.lang.IllegalStateException: boom", 1_000_000_000L)
                : machine.run(side, row, settings, tag, timeout);
        Engine.Result r = new Engine(List.copyOf(models.keySet()), failing, machine::now,
                new Engine.Config(Duration.ofMinutes(5), 0.05, 0.05, 3, Map.of()), l -> { }).run();
        assertEquals(Engine.Status.FAILED, outcome(r, "broken").status());
        assertEquals("failed on new: JMH exited with 1: java.lang.IllegalStateException: boom", outcome(r, "broken").failure());
        assertEquals(Engine.Status.DECIDED, outcome(r, "fine").status());
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

    @Test
    void aControlRowRunsTheBaseJarTwiceThroughTheSameDesignAndTheRealRowsKeepTheirFamily() throws Exception {
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
        Engine.Result r = new Engine(rows, List.of(rows.get(1)), recording, machine::now,
                new Engine.Config(Duration.ofMinutes(5), 0.05, 0.05, 6, Map.of()), progress::add).run();

        assertEquals(3, r.rows().size());
        assertEquals(1, r.controls().size());
        Engine.RowOutcome control = r.controls().get(0);
        assertEquals(rows.get(1), control.row());
        assertEquals(Engine.Status.DECIDED, control.status(), "decided like a real row, at the real family's level");
        assertTrue(control.pairs().length >= 2);
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
        assertTrue(progress.get(progress.size() - 1).matches("ab: round \\d+: 3 of 3 rows decided, 1 of 1 control rows done, .*"),
                progress.get(progress.size() - 1));
    }
}
