package dev.concurrencybench.ab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concurrencybench.ab.SimulatedMachine.Noise;
import dev.concurrencybench.compare.Comparison;
import dev.concurrencybench.compare.PairedStats;
import dev.concurrencybench.compare.RowComparison;
import dev.concurrencybench.compare.Stats;
import dev.concurrencybench.compare.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.commons.statistics.distribution.TDistribution;
import org.junit.jupiter.api.Test;

/**
 * The whole procedure, simulated run by run: the engine with its pilot, plan, allocation and rounds,
 * then the report with its trimming, moderation, Holm and verdict rule, on the simulated default
 * suite ({@link SimulatedSuite#measured}: two fork levels, one-sided call spikes, rows of different
 * noise) on a quiet machine and on the busy one of the measured A/A run. Seeded, so every figure is
 * reproducible, and the bounds sit just beyond the seeded values. Every figure is printed with its
 * simulation standard error; docs/regression-gate.md quotes them.
 */
class WholeProcedureSimulationTest {

    static final double ALPHA = 0.05;
    static final Noise MACHINE = new Noise(0.7, 0, 0.005, 0.01);
    /** The io and rest shards' minimum effect in .ci/ab-gate.sh. */
    static final double SLEEP_MIN_EFFECT = 0.03;

    /**
     * Which of the suite's rows a scenario runs: all, the fib list alone, the CPU-bound rows on one
     * runner, or one of the gate's four shards (the CPU-bound rows' two halves, as {@code --part}
     * deals them, io and rest).
     */
    enum Shard {
        ALL, FIB, CPU, CPU1, CPU2, IO, REST;

        List<Row> of(SimulatedSuite suite) {
            return switch (this) {
                case ALL -> suite.rows();
                case FIB -> suite.fib();
                case CPU -> suite.rows().stream().filter(Shard::cpu).toList();
                case CPU1, CPU2 -> new Part(ordinal() - CPU1.ordinal() + 1, 2).of(CPU.of(suite));
                case IO -> suite.sleep();
                case REST -> suite.rows().stream().filter(r -> !cpu(r) && !r.benchmark().equals(SimulatedSuite.IO)).toList();
            };
        }

        private static boolean cpu(Row r) {
            return r.benchmark().startsWith(SimulatedSuite.CPU_CLASS);
        }

        /** The shard's share of the family-wise 0.05, as .ci/ab-gate.sh splits it. */
        double alpha() {
            return this == CPU ? ALPHA / 2 : ALPHA / 4;
        }

        /** The CPU-bound rows, whole or a half: a minimum effect of 5%, not the sleep rows' 3%. */
        boolean cpuBound() {
            return this == CPU || this == CPU1 || this == CPU2;
        }
    }

    /** A way to run the gate: which rows, a budget, a minimum effect and detect size, and its alpha. */
    record Scenario(String name, SimulatedSuite suite, Shard shard, Duration budget, double minEffect, double detect,
                    double alpha, Engine.Steps steps) {

        static Scenario gate(double burst) {
            return new Scenario("default gate", SimulatedSuite.measured(burst), Shard.ALL, Duration.ofMinutes(15), 0.05, 0.10,
                    ALPHA, Engine.Steps.ALL);
        }

        /**
         * One of the workflow's three gate jobs (.ci/ab-gate.sh): its rows, the default budget, its
         * share of alpha; the io and rest shards at a minimum effect of 3% (detect 6%), as the script
         * runs them.
         */
        static Scenario shard(Shard shard, double burst) {
            double minEffect = shard.cpuBound() ? 0.05 : SLEEP_MIN_EFFECT;
            return new Scenario(shard.name().toLowerCase(Locale.ROOT) + " shard", SimulatedSuite.measured(burst), shard,
                    Duration.ofMinutes(15), minEffect, 2 * minEffect, shard.alpha(), Engine.Steps.ALL);
        }

        /** A shard on a machine busy only during the pilot (bursts in the first 90 seconds, half the forks). */
        static Scenario busyPilot(Shard shard) {
            double minEffect = shard.cpuBound() ? 0.05 : SLEEP_MIN_EFFECT;
            return new Scenario(shard.name().toLowerCase(Locale.ROOT) + " shard, busy pilot", SimulatedSuite.measured(0.5, 90),
                    shard, Duration.ofMinutes(15), minEffect, 2 * minEffect, shard.alpha(), Engine.Steps.ALL);
        }

        static Scenario deep(double burst) {
            return new Scenario("deep, fib rows", SimulatedSuite.measured(burst), Shard.FIB, Duration.ofMinutes(55), 0.02, 0.05,
                    ALPHA, Engine.Steps.ALL);
        }

        Scenario with(Engine.Steps s) {
            return new Scenario(name, suite, shard, budget, minEffect, detect, alpha, s);
        }

        List<Row> rows() {
            return shard.of(suite);
        }

        /** Whether the scenario runs rows of this benchmark. */
        boolean has(String benchmark) {
            return rows().stream().anyMatch(r -> r.benchmark().equals(benchmark));
        }

        Run run(Map<Row, Double> effects, long seed) {
            SimulatedMachine machine = new SimulatedMachine(suite.models, effects, MACHINE, seed);
            try {
                Engine.Result result = new Engine(rows(), machine, machine::now,
                        new Engine.Config(budget, alpha, minEffect, detect, seed, Map.of(), steps), line -> { }).run();
                Comparison c = AbReport.build(new Rows(rows(), List.of(), List.of()), result, alpha, minEffect,
                        new Comparison.Design("sim", "sim", Map.of()), List.of(), List.of(), Double.NaN);
                return new Run(c, result, effects);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }

        List<Run> runs(Map<Row, Double> effects, int count, long seed) {
            return IntStream.range(0, count).parallel().mapToObj(i -> run(effects, seed * 1_000_003L + i)).toList();
        }

        boolean fib(RowComparison l) {
            return l.key().benchmark().equals(SimulatedSuite.CPU);
        }
    }

    record Run(Comparison comparison, Engine.Result result, Map<Row, Double> effects) {

        List<RowComparison> tested() {
            return comparison.rows().stream().filter(l -> !Double.isNaN(l.p())).toList();
        }
    }

    private static boolean flagged(RowComparison r) {
        return r.verdict() == Verdict.REGRESSION || r.verdict() == Verdict.IMPROVEMENT;
    }

    private static double se(double p, long n) {
        return Math.sqrt(p * (1 - p) / n);
    }

    private static double median(List<Double> xs) {
        double[] s = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return s.length == 0 ? Double.NaN : s[s.length / 2];
    }

    /** A/A figures: per-row rate of p below alpha over the tested rows, family-wise rate, interval coverage. */
    record AaFigures(double perRow, double perRowSe, double nominal, double familyWise, double familyWiseSe, double coverage,
                     double coverageSe, double medianFibMde, double mdeCheck, double mdeCheckSe) {
    }

    private static AaFigures aa(Scenario s, int count, long seed) {
        return aa(s, s.runs(Map.of(), count, seed));
    }

    private static AaFigures aa(Scenario s, List<Run> runs) {
        long tested = 0;
        long below = 0;
        long covered = 0;
        long anyFlag = 0;
        double nominal = 0;
        List<Double> fibMde = new ArrayList<>();
        for (Run run : runs) {
            List<RowComparison> t = run.tested();
            double level = s.alpha() / t.size();
            nominal += level / runs.size();
            for (RowComparison l : t) {
                tested++;
                below += l.p() < level ? 1 : 0;
                covered += l.ciLow() <= 1 && 1 <= l.ciHigh() ? 1 : 0;
                if (s.fib(l)) {
                    fibMde.add(l.mde());
                }
            }
            anyFlag += t.stream().anyMatch(WholeProcedureSimulationTest::flagged) ? 1 : 0;
        }
        long[] check = mdeCheck(s, runs);
        double perRow = below / (double) tested;
        double fw = anyFlag / (double) runs.size();
        double cover = covered / (double) tested;
        double hit = check[0] / (double) check[1];
        return new AaFigures(perRow, se(perRow, tested), nominal, fw, se(fw, runs.size()), cover, se(cover, tested),
                median(fibMde), hit, se(hit, check[1]));
    }

    /**
     * The honest minimum detectable effect, checked: each tested row of each A/A run, its pairs
     * shifted by its own reported MDE (a true change of exactly that size; a shift moves neither the
     * spreads the plan and the test read nor anything else), judged again with Holm over the run.
     * Returns {flagged, rows}.
     */
    private static long[] mdeCheck(Scenario s, List<Run> runs) {
        long flagged = 0;
        long rows = 0;
        for (Run run : runs) {
            List<Engine.RowOutcome> outcomes = run.result().rows();
            PairedStats.Summary[] summaries = AbReport.summaries(outcomes, AbReport.families(outcomes, run.result().steps()),
                    s.alpha());
            double[] p = Arrays.stream(summaries).mapToDouble(PairedStats.Summary::p).toArray();
            for (int i = 0; i < summaries.length; i++) {
                PairedStats.Summary sm = summaries[i];
                RowComparison line = run.comparison().rows().get(i);
                if (!sm.tested() || !(line.mde() < 10)) {
                    continue;
                }
                double shifted = sm.estimate() + Math.log1p(line.mde());
                double[] q = p.clone();
                q[i] = 2 * TDistribution.of(sm.df()).survivalProbability(Math.abs(shifted) / sm.se());
                boolean flag = Stats.holm(q)[i] < s.alpha() && shifted >= Math.log1p(s.minEffect());
                flagged += flag ? 1 : 0;
                rows++;
            }
        }
        return new long[] {flagged, rows};
    }

    private static String percent(double mde) {
        return mde > 9.99 ? ">999%" : String.format(Locale.ROOT, "%.1f%%", 100 * mde);
    }

    private static void print(String what, Scenario s, double burst, int runs, AaFigures f) {
        System.out.printf(Locale.ROOT, "%s, %s, %s machine, %d runs: p < alpha/rows in %.2e of tested rows (SE %.1e; nominal"
                        + " %.2e, ratio %.2f); runs flagging any row %.3f (SE %.3f); 95%% intervals cover 0 in %.4f (SE %.4f);"
                        + " median fib MDE %s; a change of its MDE flagged in %.3f (SE %.3f)%n", what, s.name(),
                burst == 0 ? "quiet" : "busy", runs, f.perRow(), f.perRowSe(), f.nominal(), f.perRow() / f.nominal(),
                f.familyWise(), f.familyWiseSe(), f.coverage(), f.coverageSe(), percent(f.medianFibMde()), f.mdeCheck(),
                f.mdeCheckSe());
    }

    /**
     * Bounds just beyond a scenario's seeded figures: the per-row rate over its nominal, the
     * family-wise rate, the coverage and the share of changes of their own MDE flagged.
     */
    private static void assertWithin(AaFigures f, double perRowRatio, double familyWise, double coverage, double mdeCheck) {
        assertTrue(f.perRow() / f.nominal() <= perRowRatio, "per-row rate " + f.perRow() / f.nominal() + " x nominal");
        assertTrue(f.familyWise() <= familyWise, "family-wise " + f.familyWise());
        assertTrue(f.coverage() >= coverage, "coverage " + f.coverage());
        assertTrue(f.mdeCheck() >= mdeCheck, "a change of its MDE is flagged in " + f.mdeCheck());
    }

    /** Targets: per-row rate at most 1.2 x alpha / rows, family-wise at most 0.05, coverage at least 0.95, the MDE check at least 0.78. */
    @Test
    void aWholeSuiteAaRunKeepsItsErrorRates() {
        int runs = 2000;
        AaFigures quiet = aa(Scenario.gate(0), runs, 11);
        print("A/A", Scenario.gate(0), 0, runs, quiet);
        assertWithin(quiet, 1.1, 0.04, 0.962, 0.83);
        AaFigures busy = aa(Scenario.gate(0.2), runs, 12);
        print("A/A", Scenario.gate(0.2), 0.2, runs, busy);
        assertWithin(busy, 0.95, 0.033, 0.964, 0.835);
    }

    @Test
    void aDeepAaRunOfTheFibRowsKeepsItsErrorRates() {
        int runs = 1000;
        AaFigures quiet = aa(Scenario.deep(0), runs, 21);
        print("A/A", Scenario.deep(0), 0, runs, quiet);
        AaFigures busy = aa(Scenario.deep(0.2), runs, 22);
        print("A/A", Scenario.deep(0.2), 0.2, runs, busy);
        assertWithin(quiet, 0.85, 0.045, 0.951, 0.80);
        assertWithin(busy, 1.1, 0.055, 0.950, 0.795);
    }

    /** What the fib and sleep rows of a changed build show: the share flagged, its estimates, the rows flagged per run. */
    record PowerFigures(double fib, double fibSe, double sleep, double sleepSe, double within3, int unaffected,
                        double medianFibPerRun, double lowFibPerRun, double medianFibMde, int fibMdeAtMost5,
                        double medianIoMde, double ioMdeAtMost5, double processSleepMdeAtMost5) {
    }

    /** The sleep and async rows: the ten sleeping tasks per model and the async lessons. */
    private static boolean sleepOrAsync(RowComparison l) {
        return l.key().benchmark().equals(SimulatedSuite.IO) || l.key().benchmark().startsWith(SimulatedSuite.ASYNC_CLASS);
    }

    private static PowerFigures power(Scenario s, int count, long seed) {
        Map<Row, Double> effects = new HashMap<>();
        s.suite().fib().forEach(r -> effects.put(r, 1.09));
        s.suite().sleep().forEach(r -> effects.put(r, 1.08));
        Set<String> sleep = new HashSet<>();
        s.suite().sleep().forEach(r -> sleep.add(r.key().display()));
        List<Run> runs = s.runs(effects, count, seed);
        long fib = 0;
        long fibRows = 0;
        long sleepFlagged = 0;
        long sleepRows = 0;
        long within = 0;
        long changedFlagged = 0;
        int unaffected = 0;
        List<Double> perRun = new ArrayList<>();
        List<Double> mdes = new ArrayList<>();
        List<Double> ioMdes = new ArrayList<>();
        long processSleepAtMost5 = 0;
        for (Run run : runs) {
            int f = 0;
            for (RowComparison l : run.comparison().rows()) {
                if (sleepOrAsync(l)) {
                    double m = Double.isNaN(l.mde()) ? Double.POSITIVE_INFINITY : l.mde();
                    ioMdes.add(m);
                    boolean processSleep = l.key().benchmark().equals(SimulatedSuite.IO)
                            && l.key().params().get("model").equals("PROCESS_PER_TASK");
                    processSleepAtMost5 += processSleep && m <= 0.05 ? 1 : 0;
                }
                boolean regression = l.verdict() == Verdict.REGRESSION;
                double truth = s.fib(l) ? 1.09 : sleep.contains(l.key().display()) ? 1.08 : 1;
                if (truth == 1) {
                    unaffected += flagged(l) ? 1 : 0;
                    continue;
                }
                if (s.fib(l)) {
                    f += regression ? 1 : 0;
                    fibRows++;
                    mdes.add(l.mde());
                } else {
                    sleepFlagged += regression ? 1 : 0;
                    sleepRows++;
                }
                if (regression) {
                    changedFlagged++;
                    within += Math.abs(l.ratio() - truth) <= 0.03 ? 1 : 0;
                }
            }
            fib += f;
            perRun.add((double) f);
        }
        double fibShare = fib / (double) Math.max(1, fibRows);
        double sleepShare = sleepFlagged / (double) Math.max(1, sleepRows);
        double[] sorted = perRun.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int atMost5 = (int) Math.round(mdes.stream().filter(m -> m <= 0.05).count() / (double) runs.size());
        return new PowerFigures(fibShare, se(fibShare, Math.max(1, fibRows)), sleepShare, se(sleepShare, Math.max(1, sleepRows)),
                within / (double) Math.max(1, changedFlagged), unaffected, median(perRun), sorted[sorted.length / 10],
                median(mdes), atMost5, median(ioMdes),
                ioMdes.stream().filter(m -> m <= 0.05).count() / (double) Math.max(1, ioMdes.size()),
                processSleepAtMost5 / (double) runs.size());
    }

    private static void print(Scenario s, double burst, int runs, PowerFigures f) {
        String fib = !s.has(SimulatedSuite.CPU) ? "" : String.format(Locale.ROOT, " fib rows flagged %.3f (SE %.3f), %s of 11"
                        + " per run (median; 1 run in 10 at most %.0f); fib MDE median %s, %d of 11 at most 5%%;", f.fib(),
                f.fibSe(), f.medianFibPerRun(), f.lowFibPerRun(), percent(f.medianFibMde()), f.fibMdeAtMost5());
        String sleep = !s.has(SimulatedSuite.IO) ? "" : String.format(Locale.ROOT, " sleep rows flagged %.3f (SE %.3f);",
                f.sleep(), f.sleepSe());
        String mde = Double.isNaN(f.medianIoMde()) ? "" : String.format(Locale.ROOT, " sleep and async MDE median %s, at"
                + " most 5%% in %.3f of rows (the process-per-task sleep row in %.3f of runs);", percent(f.medianIoMde()),
                f.ioMdeAtMost5(), f.processSleepMdeAtMost5());
        System.out.printf(Locale.ROOT, "+9%% fib and +8%% sleep, %s, %s machine, %d runs:%s%s flagged estimates within 3"
                        + " points %.3f; unaffected rows flagged %d%n", s.name(), burst == 0 ? "quiet" : "busy", runs, fib, sleep + mde,
                f.within3(), f.unaffected());
    }

    @Test
    void theDefaultGateFlagsTheSleepRowsButNotTheFibRowsOfTheWholeSuite() {
        int runs = 300;
        PowerFigures quiet = power(Scenario.gate(0), runs, 31);
        print(Scenario.gate(0), 0, runs, quiet);
        PowerFigures busy = power(Scenario.gate(0.2), runs, 32);
        print(Scenario.gate(0.2), 0.2, runs, busy);
        for (PowerFigures f : List.of(quiet, busy)) {
            assertTrue(f.sleep() >= 0.80, "sleep rows flagged " + f.sleep());
            assertTrue(f.fib() <= 0.04, "fib rows flagged " + f.fib() + ": the budget leaves them out of reach");
        }
        assertTrue(quiet.within3() >= 0.98 && busy.within3() >= 0.99, quiet.within3() + ", " + busy.within3());
    }

    /**
     * The workflow's gate in four shards (.ci/ab-gate.sh): the CPU-bound rows in two halves, the ten
     * sleeping tasks per model and the rest, each at alpha 0.0125 in a 15-minute job on a runner of
     * its own. A/A: each shard's per-row rate against its own nominal, and the rate at which any of
     * the four jobs flags a row, against 0.05. The bounds sit just beyond the figures of the default
     * 2,000 runs, where a six-row half's per-row rate has a simulation SE of about 0.23 x nominal
     * (seeded 1.04-1.36 x); {@code -Dsim.runs=6000} prints the closer figures the docs quote
     * (1.03-1.20 x), without the bounds.
     */
    @Test
    void theGateInFourShardsKeepsOneFamilyWiseRate() {
        int runs = Integer.getInteger("sim.runs", 2000);
        boolean seeded = runs == 2000;
        for (double burst : new double[] {0, 0.2}) {
            List<List<Run>> jobs = new ArrayList<>();
            long seed = 71;
            for (Shard shard : List.of(Shard.CPU1, Shard.CPU2, Shard.IO, Shard.REST)) {
                Scenario s = Scenario.shard(shard, burst);
                List<Run> shardRuns = s.runs(Map.of(), runs, seed++);
                AaFigures f = aa(s, shardRuns);
                print("A/A", s, burst, runs, f);
                if (seeded) {
                    assertWithin(f, shard.cpuBound() ? 1.4 : 1.0, 0.02, 0.985, 0.79);
                }
                jobs.add(shardRuns);
            }
            long any = IntStream.range(0, runs).filter(i -> jobs.stream().anyMatch(j -> anyFlag(j.get(i)))).count();
            double fw = any / (double) runs;
            System.out.printf(Locale.ROOT, "A/A, all four shards, %s machine, %d runs: any job flags a row in %.3f (SE %.3f)%n",
                    burst == 0 ? "quiet" : "busy", runs, fw, se(fw, runs));
            assertTrue(fw <= 0.05, "a shard flags a row in " + fw);
        }
    }

    /**
     * What one gate run shows of a +9% fib build on its CPU-bound rows, whichever runners hold them:
     * per run, the fib rows flagged, the median MDE of the 11 fib rows, and whether every flagged fib
     * estimate lies within 3 points of the truth (the target is every one, in a run).
     */
    record GateFib(double medianFlagged, double lowFlagged, double medianMde, double mdeAtMost10, double allWithin3,
                   double within3, int unaffected) {
    }

    private static GateFib gateFib(List<Shard> shards, double burst, int count, long seed) {
        List<List<Run>> jobs = new ArrayList<>();
        for (Shard shard : shards) {
            Scenario s = Scenario.shard(shard, burst);
            Map<Row, Double> effects = new HashMap<>();
            s.suite().fib().forEach(r -> effects.put(r, 1.09));
            jobs.add(s.runs(effects, count, seed++));
        }
        List<Double> flaggedPerRun = new ArrayList<>();
        List<Double> medianMdes = new ArrayList<>();
        long allWithin = 0;
        long within = 0;
        long flagged = 0;
        int unaffected = 0;
        for (int i = 0; i < count; i++) {
            int f = 0;
            boolean all = true;
            List<Double> mdes = new ArrayList<>();
            for (List<Run> job : jobs) {
                for (RowComparison l : job.get(i).comparison().rows()) {
                    if (!l.key().benchmark().equals(SimulatedSuite.CPU)) {
                        unaffected += flagged(l) ? 1 : 0;
                        continue;
                    }
                    mdes.add(Double.isNaN(l.mde()) ? Double.POSITIVE_INFINITY : l.mde());
                    if (l.verdict() == Verdict.REGRESSION) {
                        f++;
                        boolean near = Math.abs(l.ratio() - 1.09) <= 0.03;
                        within += near ? 1 : 0;
                        all &= near;
                    }
                }
            }
            flagged += f;
            flaggedPerRun.add((double) f);
            medianMdes.add(median(mdes));
            allWithin += all ? 1 : 0;
        }
        double[] sorted = flaggedPerRun.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new GateFib(median(flaggedPerRun), sorted[sorted.length / 10], median(medianMdes),
                medianMdes.stream().filter(m -> m <= 0.10).count() / (double) count, allWithin / (double) count,
                within / (double) Math.max(1, flagged), unaffected);
    }

    private static void print(String what, double burst, int runs, GateFib f) {
        System.out.printf(Locale.ROOT, "+9%% fib, %s, %s machine, %d runs: fib rows flagged %.1f of 11 per run (median; 1 run"
                        + " in 10 at most %.0f); a run's median fib MDE %s (median), at most 10%% in %.3f of runs; every"
                        + " flagged estimate within 3 points in %.3f of runs (SE %.3f), %.3f of flagged estimates;"
                        + " unaffected rows flagged %d%n", what, burst == 0 ? "quiet" : "busy", runs, f.medianFlagged(),
                f.lowFlagged(), percent(f.medianMde()), f.mdeAtMost10(), f.allWithin3(), se(f.allWithin3(), runs), f.within3(),
                f.unaffected());
    }

    /**
     * Two runners for the CPU-bound rows, against one: each row gets about twice the pairs in the same
     * 15 minutes. On a +9% fib build the halves flag more rows, bring every run's median fib MDE to
     * at most 10% on the busy machine too, and put every flagged estimate within 3 points of the
     * truth in about twice as many runs on a quiet machine (not in every run: that takes an MDE near
     * 4%, docs/regression-gate.md). Floors just under the seeded figures.
     */
    @Test
    void twoCpuHalvesFlagMoreFibRowsAndEstimateThemCloser() {
        int runs = 300;
        for (double burst : new double[] {0, 0.2}) {
            GateFib one = gateFib(List.of(Shard.CPU), burst, runs, 95);
            print("the cpu rows on one runner", burst, runs, one);
            GateFib halves = gateFib(List.of(Shard.CPU1, Shard.CPU2), burst, runs, 96);
            print("the cpu rows in two halves", burst, runs, halves);
            assertTrue(halves.medianFlagged() >= (burst == 0 ? 11 : 10), "fib rows flagged " + halves.medianFlagged());
            assertTrue(halves.mdeAtMost10() >= 0.99 && one.mdeAtMost10() < halves.mdeAtMost10(),
                    halves.mdeAtMost10() + " vs " + one.mdeAtMost10());
            assertTrue(halves.allWithin3() >= (burst == 0 ? 0.52 : 0.27) && halves.allWithin3() > one.allWithin3(),
                    halves.allWithin3() + " vs " + one.allWithin3());
            assertTrue(halves.unaffected() <= 0.025 * runs, "unaffected rows flagged " + halves.unaffected());
        }
    }

    private static boolean anyFlag(Run run) {
        return run.tested().stream().anyMatch(WholeProcedureSimulationTest::flagged);
    }

    /**
     * A +9% fib, +8% sleep build: the cpu shard on the fib rows, the io shard on the sleeps, and
     * the rest shard, with nothing changed, on the async rows' MDE.
     */
    @Test
    void theCpuShardFlagsANinePercentSlowerFibListAndTheIoShardTheSleeps() {
        int runs = 300;
        PowerFigures quietCpu = null;
        for (double burst : new double[] {0, 0.2}) {
            PowerFigures cpu = power(Scenario.shard(Shard.CPU, burst), runs, 91);
            print(Scenario.shard(Shard.CPU, burst), burst, runs, cpu);
            PowerFigures io = power(Scenario.shard(Shard.IO, burst), runs, 92);
            print(Scenario.shard(Shard.IO, burst), burst, runs, io);
            PowerFigures rest = power(Scenario.shard(Shard.REST, burst), runs, 93);
            print(Scenario.shard(Shard.REST, burst), burst, runs, rest);
            assertTrue(io.sleep() >= 0.99, "sleep rows flagged " + io.sleep());
            assertTrue(io.ioMdeAtMost5() >= 0.99 && rest.ioMdeAtMost5() >= 0.99, io.ioMdeAtMost5() + ", " + rest.ioMdeAtMost5());
            // The process-per-task sleep row, planned on two pilot pairs of its own, gets what the plan leaves (docs).
            assertTrue(io.processSleepMdeAtMost5() >= 0.96, "process-per-task sleep row at most 5% in " + io.processSleepMdeAtMost5());
            // Holm controls the family-wise rate whatever the other rows do: after ten fib rows are
            // flagged, an unaffected one is tested at a level near alpha / 2, not alpha / 12.
            assertTrue(cpu.unaffected() <= 0.025 * runs && io.unaffected() + rest.unaffected() <= 0.0125 * runs,
                    cpu.unaffected() + ", " + io.unaffected() + ", " + rest.unaffected());
            quietCpu = quietCpu == null ? cpu : quietCpu;
        }
        assertTrue(quietCpu.fib() >= 0.86 && quietCpu.medianFibMde() <= 0.09, quietCpu.fib() + ", " + quietCpu.medianFibMde());
    }

    /**
     * A machine busy during the pilot only (results/gate-aa10, cpu run 1): the pilot's pairs spread
     * far more than the later ones, and a plan made on them alone leaves rows out of reach that the
     * second plan, made on the pairs of the rows in reach, brings back.
     */
    @Test
    void theSecondPlanMendsAPilotTakenOnABusyMachine() {
        int runs = 200;
        Scenario twice = Scenario.busyPilot(Shard.CPU);
        PowerFigures replanned = power(twice, runs, 91);
        print(twice, 0.5, runs, replanned);
        PowerFigures once = power(twice.with(new Engine.Steps(true, true, false)), runs, 91);
        System.out.printf(Locale.ROOT, "the same, planned once: fib rows flagged %.3f, %.1f of 11 per run; median fib MDE %s%n",
                once.fib(), once.medianFibPerRun(), percent(once.medianFibMde()));
        assertTrue(replanned.fib() >= 0.68 && replanned.fib() > once.fib() + 0.1, replanned.fib() + " vs " + once.fib());
        assertTrue(replanned.unaffected() <= 0.025 * runs, "unaffected rows flagged " + replanned.unaffected());
    }

    @Test
    void deepModeFlagsANinePercentSlowerFibListOnNearlyEveryRow() {
        int runs = 150;
        PowerFigures quiet = power(Scenario.deep(0), runs, 41);
        print(Scenario.deep(0), 0, runs, quiet);
        PowerFigures busy = power(Scenario.deep(0.2), runs, 42);
        print(Scenario.deep(0.2), 0.2, runs, busy);
        assertTrue(quiet.fib() >= 0.99 && busy.fib() >= 0.87, quiet.fib() + ", " + busy.fib());
        assertTrue(quiet.medianFibPerRun() == 11 && busy.medianFibPerRun() == 11);
        assertTrue(quiet.within3() >= 0.98 && busy.within3() >= 0.94, quiet.within3() + ", " + busy.within3());
        assertEquals(0, quiet.unaffected() + busy.unaffected());
    }

    /**
     * What each step buys, switched off at the same budget. Moderation and the second plan both mend
     * the pilot's one degree of freedom a row: in the cpu shard (quiet), the median fib-row MDE with
     * both, with the second plan only, and with neither; and in deep mode (about 100 pairs a row,
     * where moderation lends the degrees of freedom of ten rows), with moderation and without.
     * Allocation: in the default gate, the rows flagged when every row is 10% slower (the detect
     * size: what the allocation maximises), against every row getting pairs in turn.
     */
    @Test
    void moderationAndTheSecondPlanLowerTheMdeAndAllocationFlagsMoreRows() {
        int cpuRuns = 300;
        Scenario cpu = Scenario.shard(Shard.CPU, 0);
        double both = aa(cpu, cpuRuns, 52).medianFibMde();
        double secondPlanOnly = aa(cpu.with(new Engine.Steps(false, true, true)), cpuRuns, 52).medianFibMde();
        double neither = aa(cpu.with(new Engine.Steps(false, true, false)), cpuRuns, 52).medianFibMde();
        System.out.printf(Locale.ROOT, "cpu shard, quiet machine, %d runs: median fib MDE %.1f%% moderated and planned twice,"
                + " %.1f%% planned twice, %.1f%% neither%n", cpuRuns, 100 * both, 100 * secondPlanOnly, 100 * neither);
        assertTrue(both < 0.93 * secondPlanOnly && secondPlanOnly < 0.9 * neither, both + ", " + secondPlanOnly + ", " + neither);
        int deepRuns = 80;
        for (double burst : new double[] {0, 0.2}) {
            double with = aa(Scenario.deep(burst), deepRuns, 51).medianFibMde();
            double without = aa(Scenario.deep(burst).with(new Engine.Steps(false, true, true)), deepRuns, 51).medianFibMde();
            System.out.printf(Locale.ROOT, "deep, %s machine, %d runs: median fib MDE %.1f%% moderated, %.1f%% not%n",
                    burst == 0 ? "quiet" : "busy", deepRuns, 100 * with, 100 * without);
            assertTrue(with < without, with + " vs " + without);
        }
        int runs = 150;
        Scenario gate = Scenario.gate(0);
        Map<Row, Double> slower = new HashMap<>();
        gate.rows().forEach(r -> slower.put(r, 1.10));
        double allocated = flaggedPerRun(gate.runs(slower, runs, 61));
        double inTurn = flaggedPerRun(gate.with(new Engine.Steps(true, false, true)).runs(slower, runs, 61));
        System.out.printf(Locale.ROOT, "default gate, quiet machine, every row 10%% slower, %d runs: %.1f of 64 rows flagged"
                + " with the allocation, %.1f with every row in turn%n", runs, allocated, inTurn);
        assertTrue(allocated > 1.38 * inTurn, allocated + " vs " + inTurn);
    }

    private static double flaggedPerRun(List<Run> runs) {
        return runs.stream().mapToLong(r -> r.comparison().rows().stream().filter(l -> l.verdict() == Verdict.REGRESSION).count())
                .average().orElseThrow();
    }

    /**
     * Control rows meet what an unchanged row meets: in A/A runs they get their twins' pairs, about
     * the share of all pairs asked for, and their p-values spread like the real rows' (uniform for a
     * valid test, a little above for rows tested conservatively).
     */
    @Test
    void controlRowsGetTheirTwinsPairsAndPValuesLikeTheRealRows() {
        Scenario s = Scenario.gate(0);
        int runs = 200;
        List<Comparison> results = IntStream.range(0, runs).parallel().mapToObj(i -> {
            long seed = 77_000_003L * (i + 1);
            SimulatedMachine machine = new SimulatedMachine(s.suite().models, Map.of(), MACHINE, seed);
            try {
                Engine.Result result = new Engine(s.rows(), Controls.pick(s.rows(), 0.2, seed), machine, machine::now,
                        new Engine.Config(s.budget(), ALPHA, 0.05, seed, Map.of()), line -> { }).run();
                return AbReport.build(new Rows(s.rows(), List.of(), List.of()), result, ALPHA, 0.05,
                        new Comparison.Design("sim", "sim", Map.of()), List.of(), List.of(), 0.2);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        long controlPairs = 0;
        long twinPairs = 0;
        long allPairs = 0;
        List<Double> control = new ArrayList<>();
        List<Double> real = new ArrayList<>();
        for (Comparison c : results) {
            for (RowComparison r : c.rows()) {
                allPairs += r.base() == null ? 0 : r.base().forks();
                if (!Double.isNaN(r.p())) {
                    real.add(r.p());
                }
            }
            control.addAll(c.control().pValues());
            for (RowComparison k : c.control().rows()) {
                controlPairs += k.base() == null ? 0 : k.base().forks();
                twinPairs += c.rows().stream().filter(r -> r.key().equals(k.key())).findFirst()
                        .map(r -> r.base() == null ? 0 : r.base().forks()).orElseThrow();
            }
        }
        allPairs += controlPairs;
        System.out.printf(Locale.ROOT, "control 0.2, A/A, %s, quiet machine, %d runs: %.1f%% of the pairs were control pairs,"
                        + " control rows had %.2f times their twins' pairs; p below 0.5, 0.1, 0.01 in %.3f, %.3f, %.4f of %d"
                        + " control rows and %.3f, %.3f, %.4f of %d real rows%n", s.name(), runs, 100.0 * controlPairs / allPairs,
                controlPairs / (double) twinPairs, share(control, 0.5), share(control, 0.1), share(control, 0.01), control.size(),
                share(real, 0.5), share(real, 0.1), share(real, 0.01), real.size());
        assertEquals(1, controlPairs / (double) twinPairs, 0.01, "as many pairs as the twin");
        // About the share asked for: 0.15 seeded. Rows with a control twin cost twice, so fewer of them
        // are planned beyond the pilot and its fewest pairs.
        assertEquals(0.2, controlPairs / (double) allPairs, 0.06, "about the share asked for");
        for (double level : Comparison.Control.LEVELS) {
            double se = Math.sqrt(level * (1 - level) * (1.0 / control.size() + 1.0 / real.size()));
            assertEquals(share(real, level), share(control, level), 3 * se, "below " + level);
        }
    }

    private static double share(List<Double> p, double level) {
        return p.stream().filter(x -> x < level).count() / (double) p.size();
    }
}
