package dev.concurrencybench.ab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concurrencybench.ab.SimulatedMachine.Noise;
import dev.concurrencybench.compare.Comparison;
import dev.concurrencybench.compare.RowComparison;
import dev.concurrencybench.compare.Verdict;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The whole paired, adaptive design, simulated run by run: the default suite's 64 rows on a
 * machine like the reference one, the default budget (15 minutes), the engine's rounds, order and
 * early stops, and the verdicts of the report. It measures what the gate promises: how often an
 * A/A run flags any row (at most alpha), and how often a real slowdown of the CPU and IO rows is
 * flagged. Every rate is printed with its standard error (at most one point).
 */
class PairedDesignSimulationTest {

    static final double ALPHA = 0.05;
    static final Duration BUDGET = Duration.parse("PT" + AbCommand.DEFAULT_BUDGET.toUpperCase(Locale.ROOT));
    /**
     * The reference machine: 0.65 s of start-up per fork (AppCDS), a host burst in 0.5% of forks
     * (its full run has no fork of a CPU or IO row more than 15% from its row's median), a 0.5%
     * penalty for going second, 1% drift a minute.
     */
    static final Noise REFERENCE = new Noise(0.65, 0.005, 0.005, 0.01);
    /** A shared machine: three times the spread, bursts in 5% of forks, 1% for going second, 2% drift a minute. */
    static final Noise SHARED = new Noise(0.65, 0.05, 0.01, 0.02);

    record Run(Comparison comparison, Set<Row> changed) {
    }

    private static Run simulate(SimulatedSuite suite, Noise noise, double effect, long seed) {
        Map<Row, Double> effects = new HashMap<>();
        if (effect != 1) {
            suite.cpuAndIo().forEach(r -> effects.put(r, effect));
        }
        SimulatedMachine machine = new SimulatedMachine(suite.models, effects, noise, seed);
        try {
            Engine.Result result = new Engine(suite.rows(), machine, machine::now,
                    new Engine.Config(BUDGET, ALPHA, 0.05, seed, Map.of()), line -> { }).run();
            Comparison c = AbReport.build(new Rows(suite.rows(), List.of(), List.of()), result, ALPHA, 0.05,
                    new Comparison.Design("sim", "sim", Map.of()), List.of(), List.of(), Double.NaN);
            return new Run(c, effects.keySet());
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Run> runs(SimulatedSuite suite, Noise noise, double effect, int count, long seed) {
        return IntStream.range(0, count).parallel().mapToObj(i -> simulate(suite, noise, effect, seed * 1_000_003L + i)).toList();
    }

    private static boolean flagged(RowComparison r) {
        return r.verdict() == Verdict.REGRESSION || r.verdict() == Verdict.IMPROVEMENT;
    }

    /** The share of runs that flag any row, with its binomial standard error. */
    private static double[] falseAlarms(List<Run> runs) {
        double p = runs.stream().filter(r -> r.comparison().rows().stream().anyMatch(PairedDesignSimulationTest::flagged))
                .count() / (double) runs.size();
        return new double[] {p, Math.sqrt(p * (1 - p) / runs.size())};
    }

    @Test
    void anAaRunFlagsAnyRowAtMostAlphaOfTheTime() {
        SimulatedSuite suite = SimulatedSuite.defaultSuite(1);
        for (Noise noise : List.of(REFERENCE, SHARED)) {
            SimulatedSuite s = noise == REFERENCE ? suite : SimulatedSuite.defaultSuite(3);
            List<Run> runs = runs(s, noise, 1, 500, noise == REFERENCE ? 1 : 2);
            double[] fa = falseAlarms(runs);
            System.out.printf(Locale.ROOT, "A/A, %s machine, %d runs of the default suite (64 rows, %s): "
                            + "runs flagging any row %.1f%% (SE %.1f points)%n", noise == REFERENCE ? "reference" : "shared",
                    runs.size(), AbCommand.DEFAULT_BUDGET, 100 * fa[0], 100 * fa[1]);
            assertTrue(fa[0] <= ALPHA, "family-wise false alarms " + fa[0]);
            assertTrue(fa[1] <= 0.01);
        }
    }

    @Test
    void slowdownsOfFiveAndTenPercentAreFlagged() {
        SimulatedSuite suite = SimulatedSuite.defaultSuite(1);
        for (double effect : new double[] {1.05, 1.10}) {
            List<Run> runs = runs(suite, REFERENCE, effect, 150, Math.round(effect * 100));
            double[] perRun = runs.stream().mapToDouble(r -> r.comparison().rows().stream()
                    .filter(l -> r.changed().stream().anyMatch(c -> c.key().equals(l.key())))
                    .filter(l -> l.verdict() == Verdict.REGRESSION).count() / (double) r.changed().size()).toArray();
            double mean = java.util.Arrays.stream(perRun).average().orElseThrow();
            double se = Math.sqrt(java.util.Arrays.stream(perRun).map(x -> (x - mean) * (x - mean)).sum()
                    / (perRun.length - 1) / perRun.length);
            double wrong = runs.stream().filter(r -> r.comparison().rows().stream()
                    .filter(l -> r.changed().stream().noneMatch(c -> c.key().equals(l.key())))
                    .anyMatch(PairedDesignSimulationTest::flagged)).count() / (double) runs.size();
            Map<String, Double> byRow = runs.get(0).changed().stream().collect(Collectors.toMap(r -> r.display(), r -> runs.stream()
                    .filter(run -> run.comparison().rows().stream().anyMatch(l -> l.key().equals(r.key())
                            && l.verdict() == Verdict.REGRESSION)).count() / (double) runs.size()));
            System.out.printf(Locale.ROOT, "+%.0f%% on the %d CPU and IO rows, reference machine, %d runs: %.1f%% of them "
                            + "flagged (SE %.1f points); runs flagging an unchanged row %.1f%%%n",
                    (effect - 1) * 100, runs.get(0).changed().size(), runs.size(), 100 * mean, 100 * se, 100 * wrong);
            byRow.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> System.out.printf(Locale.ROOT,
                    "    %5.1f%%  %s%n", 100 * e.getValue(), e.getKey()));
            double[] errors = runs.stream().flatMap(r -> r.comparison().rows().stream()
                    .filter(l -> l.verdict() == Verdict.REGRESSION)
                    .filter(l -> r.changed().stream().anyMatch(c -> c.key().equals(l.key()))))
                    .mapToDouble(l -> Math.abs(l.ratio() - effect)).toArray();
            double within3 = java.util.Arrays.stream(errors).filter(e -> e <= 0.03).count() / (double) errors.length;
            System.out.printf(Locale.ROOT, "    flagged rows whose ratio is within 3 points of %.2f: %.1f%%%n", effect, 100 * within3);
            assertTrue(se <= 0.01, "standard error " + se);
            assertTrue(wrong <= ALPHA, "unchanged rows flagged in " + wrong + " of runs");
            assertTrue(mean >= (effect > 1.07 ? 0.6 : 0.15), "detection " + mean);
            assertTrue(within3 >= 0.95, "estimates within 3 points: " + within3);
        }
    }

    /**
     * Control rows measure what an unchanged row meets in the run: in A/A runs on the shared
     * machine they get as many pairs as their real twins, and a p-value below alpha (before Holm) as
     * often as the real rows do.
     */
    @Test
    void controlRowsMeetWhatAnUnchangedRowMeets() {
        SimulatedSuite suite = SimulatedSuite.defaultSuite(3);
        int runs = 200;
        long controlRows = 0;
        long controlBelow = 0;
        long realRows = 0;
        long realBelow = 0;
        long flagged = 0;
        long realFlagged = 0;
        double controlPairs = 0;
        double twinPairs = 0;
        double allPairs = 0;
        List<Comparison> results = IntStream.range(0, runs).parallel().mapToObj(i -> {
            long seed = 77_000_003L * (i + 1);
            SimulatedMachine machine = new SimulatedMachine(suite.models, Map.of(), SHARED, seed);
            try {
                Engine.Result result = new Engine(suite.rows(), Controls.pick(suite.rows(), 0.2, seed), machine, machine::now,
                        new Engine.Config(BUDGET, ALPHA, 0.05, seed, Map.of()), line -> { }).run();
                return AbReport.build(new Rows(suite.rows(), List.of(), List.of()), result, ALPHA, 0.05,
                        new Comparison.Design("sim", "sim", Map.of()), List.of(), List.of(), 0.2);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        for (Comparison c : results) {
            Comparison.Control k = c.control();
            controlRows += k.tested();
            controlBelow += k.belowAlpha();
            flagged += k.flagged();
            for (RowComparison r : c.rows()) {
                if (!Double.isNaN(r.p())) {
                    realRows++;
                    realBelow += r.p() < ALPHA ? 1 : 0;
                }
                realFlagged += flagged(r) ? 1 : 0;
                allPairs += r.base() == null ? 0 : r.base().forks();
            }
            for (RowComparison control : k.rows()) {
                controlPairs += control.base() == null ? 0 : control.base().forks();
                twinPairs += c.rows().stream().filter(r -> r.key().equals(control.key())).findFirst()
                        .map(r -> r.base() == null ? 0 : r.base().forks()).orElseThrow();
            }
        }
        allPairs += controlPairs;
        double control = controlBelow / (double) controlRows;
        double real = realBelow / (double) realRows;
        double se = Math.sqrt(control * (1 - control) / controlRows + real * (1 - real) / realRows);
        System.out.printf(Locale.ROOT, "control 0.2, A/A on the shared machine, %d runs: %.1f%% of the pairs were control pairs;"
                        + " control rows had %.2f times the pairs of their real twins; p < %.2f before Holm in %.1f%% of %d"
                        + " control rows and %.1f%% of %d real rows (SE of the difference %.1f points); flagged: %d control rows,"
                        + " %d real rows%n",
                runs, 100 * controlPairs / allPairs, controlPairs / twinPairs, ALPHA, 100 * control, controlRows, 100 * real,
                realRows, 100 * se, flagged, realFlagged);
        assertEquals(0.2, controlPairs / allPairs, 0.03, "about the share asked for");
        assertEquals(1, controlPairs / twinPairs, 0.1, "as many pairs as a real row of the same kind");
        assertTrue(Math.abs(control - real) <= 3 * se, control + " vs " + real);
        assertTrue(se <= 0.01);
    }
}
