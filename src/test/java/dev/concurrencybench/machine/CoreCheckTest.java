package dev.concurrencybench.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concurrencybench.machine.CoreCheck.Verdict;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The verdict and the capacity, from synthetic per-CPU samples (ms per call, one column per round). */
class CoreCheckTest {

    private static final double EPS = 1e-9;
    /** A quiet CPU's round-to-round noise, within ±1.5%: fixed, so that every test sees the same rounds. */
    private static final double[] JITTER = {0, 0.012, -0.008, 0.005, -0.015, 0.010, -0.003, 0.014, -0.009};
    private static final int ROUNDS = JITTER.length;

    private static CoreCheck check(double[]... samples) {
        return CoreCheck.of("2026-11-28T00:00:00Z", "fib(30)", 10, "sched_setaffinity", CpuList.firstN(samples.length), samples);
    }

    /** Nine rounds of a steady CPU taking {@code millis} per call, with a little noise. */
    private static double[] quiet(double millis) {
        double[] rounds = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            rounds[r] = millis * (1 + JITTER[r]);
        }
        return rounds;
    }

    private static double[] withRound(double[] rounds, int r, double factor) {
        double[] out = rounds.clone();
        out[r] *= factor;
        return out;
    }

    @Test
    void equalCoresWithinTenPercent() {
        CoreCheck c = check(new double[] {10.0, 10.2, 10.1}, new double[] {10.9, 10.8, 10.85});
        assertEquals(Verdict.EQUAL, c.verdict());
        assertEquals(1.0, c.cpus().get(0).relativeSpeed(), EPS);
        assertEquals(10.1 / 10.85, c.cpus().get(1).relativeSpeed(), EPS);
        assertEquals(1 + 10.1 / 10.85, c.capacity(), EPS);
        assertEquals(0.02, c.cpus().get(0).spread(), EPS);
        assertEquals(0.02, c.spread(), EPS);
        assertEquals(0.1 / 10.1, c.cpus().get(0).iqr(), EPS, "quartiles 10.05 and 10.15 between three rounds");
        assertEquals(0.05 * 2 / 10.1, c.cpus().get(0).drift(), EPS, "median slope 0.05 per round, over two rounds");
    }

    @Test
    void unequalCoresGiveTheCapacityInFastestCoreEquivalents() {
        // The measurement: CPU 0 at 101 ms per list, CPU 1 at 177 ms (1.75x).
        CoreCheck c = check(new double[] {101, 100, 102, 101}, new double[] {177, 176, 178, 177});
        assertEquals(Verdict.UNEQUAL, c.verdict());
        assertEquals(101.0, c.cpus().get(0).millis(), EPS, "median of an even count is the mean of the middle two");
        assertEquals(177.0, c.cpus().get(1).millis(), EPS);
        assertEquals(101.0 / 177.0, c.cpus().get(1).relativeSpeed(), EPS);
        assertEquals(1.57, c.capacity(), 0.005);
        assertEquals("unequal: capacity 1.57 of 2 CPUs (CPU 0 1.00, CPU 1 0.57), rounds: IQR 0%, drift +1%, range 2%",
                c.summary());
    }

    @Test
    void theFastestCpuNeedNotBeTheFirst() {
        CoreCheck c = check(new double[] {20, 20, 20}, new double[] {10, 10, 10}, new double[] {10, 10, 10}, new double[] {40, 40, 40});
        assertEquals(List.of(0.5, 1.0, 1.0, 0.25), c.cpus().stream().map(CoreCheck.CpuSpeed::relativeSpeed).toList());
        assertEquals(2.75, c.capacity(), EPS);
        assertEquals(Verdict.UNEQUAL, c.verdict());
    }

    @Test
    void oneStrayRoundLeavesAQuietMachineEqualWhereverItFalls() {
        for (int cpu = 0; cpu < 2; cpu++) {
            for (int r = 0; r < ROUNDS; r++) {
                for (double factor : new double[] {1.4, 0.7}) {
                    double[][] samples = {quiet(5.0), quiet(5.1)};
                    samples[cpu] = withRound(samples[cpu], r, factor);
                    CoreCheck c = check(samples);
                    String where = "CPU " + cpu + ", round " + r + " x" + factor + ": " + c.summary();
                    assertEquals(Verdict.EQUAL, c.verdict(), where);
                    assertTrue(c.spread() >= 0.3, "the range still shows the stray round: " + where);
                    assertEquals(1 + 5.0 / 5.1, c.capacity(), 0.02, where);
                }
            }
        }
    }

    @Test
    void twoSlowRoundsOfNineAreStillStrayButThreeAreNot() {
        for (int a = 0; a < ROUNDS; a++) {
            for (int b = a + 1; b < ROUNDS; b++) {
                double[] two = withRound(withRound(quiet(5.0), a, 1.3), b, 1.3);
                CoreCheck c = check(quiet(5.0), two);
                assertEquals(Verdict.EQUAL, c.verdict(), "rounds " + a + " and " + b + ": " + c.summary());
            }
        }
        // A third of the check at a slower level is the CPU's speed moving, not a hiccup.
        double[] third = withRound(withRound(withRound(quiet(5.0), 3, 1.3), 4, 1.3), 5, 1.3);
        CoreCheck c = check(quiet(5.0), third);
        assertEquals(Verdict.UNSTEADY, c.verdict(), c.summary());
        assertTrue(c.cpus().get(1).iqr() > CoreCheck.TOLERANCE, c.summary());
    }

    @Test
    void aSteadyCpuAtTwoThirdsSpeedIsUnequalWithItsCapacity() {
        double[] slow = withRound(quiet(5.0 / 0.65), 6, 1.35);
        CoreCheck c = check(quiet(5.0), slow);
        assertEquals(Verdict.UNEQUAL, c.verdict(), c.summary());
        assertEquals(0.65, c.cpus().get(1).relativeSpeed(), 0.01);
        assertEquals(1.65, c.capacity(), 0.01);
        assertTrue(c.summary().startsWith("unequal: capacity 1.65 of 2 CPUs (CPU 0 1.00, CPU 1 0.65), rounds: IQR 2%"), c.summary());
    }

    @Test
    void aCpuSharedWithABusyLoopIsUnequalAtAboutOneAndAHalf() {
        // Half of CPU 1 goes to the loop, so each call takes twice as long, give or take the scheduler's slices.
        double[] shared = {10.2, 9.7, 10.4, 9.9, 10.0, 10.5, 9.6, 10.1, 9.8};
        CoreCheck c = check(quiet(5.0), shared);
        assertEquals(Verdict.UNEQUAL, c.verdict(), c.summary());
        assertEquals(1.5, c.capacity(), 0.02);
    }

    @Test
    void roundsTakingTurnsBetweenTwoSpeedsAreUnsteady() {
        for (double gap : new double[] {0.20, 0.25, 0.30}) {
            for (int first = 0; first < 2; first++) {
                double[] alternating = quiet(5.0);
                for (int r = first; r < ROUNDS; r += 2) {
                    alternating[r] *= 1 + gap;
                }
                CoreCheck c = check(alternating, quiet(5.0));
                String what = "gap " + gap + ", slow rounds from " + first + ": " + c.summary();
                assertEquals(Verdict.UNSTEADY, c.verdict(), what);
                assertTrue(c.cpus().get(0).iqr() > CoreCheck.TOLERANCE, what);
                assertTrue(Math.abs(c.cpus().get(0).drift()) < CoreCheck.TOLERANCE, "taking turns is no trend: " + what);
            }
        }
        CoreCheck slowAndMoving = check(quiet(5.0), new double[] {10, 13, 10, 13, 10, 13, 10, 13, 10});
        assertEquals(Verdict.UNSTEADY, slowAndMoving.verdict(), "unsteady wins: the relative speeds cannot be trusted");
        assertEquals(1.5, slowAndMoving.capacity(), 0.01);
    }

    @Test
    void aDriftingCpuIsUnsteadyEvenWhenItsMiddleHalfIsNarrow() {
        double[] drifting = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            drifting[r] = 5.0 * (1 + 0.2 * r / (ROUNDS - 1)) * (1 + JITTER[r]);
        }
        CoreCheck c = check(quiet(5.0), drifting);
        assertEquals(Verdict.UNSTEADY, c.verdict(), c.summary());
        assertTrue(c.cpus().get(1).iqr() <= CoreCheck.TOLERANCE, "the drift, not the spread, decides: " + c.summary());
        assertEquals(0.18, c.drift(), 0.02, "20% slower by the end, over the median 1.1 times the start");

        CoreCheck faster = check(quiet(5.0), new double[] {6.0, 6.0, 5.9, 5.8, 5.6, 5.4, 5.3, 5.1, 5.0});
        assertEquals(Verdict.UNSTEADY, faster.verdict(), faster.summary());
        assertTrue(faster.drift() < -CoreCheck.TOLERANCE, "getting faster drifts too: " + faster.summary());

        CoreCheck step = check(quiet(5.0), new double[] {5.0, 5.1, 5.0, 5.0, 6.2, 6.1, 6.2, 6.3, 6.2});
        assertEquals(Verdict.UNSTEADY, step.verdict(), "a level change halfway through: " + step.summary());
    }

    @Test
    void theChecksAroundTheReferenceRunReadAsTheyLook() {
        // The samples recorded around the reference run of 2026-11-28 (results/reference, 5 rounds), which the
        // range of the rounds called unsteady both times.
        CoreCheck before = check(new double[] {5.039, 5.064, 5.208, 5.204, 5.215}, new double[] {5.262, 5.107, 5.842, 5.425, 5.237});
        assertTrue(before.spread() > CoreCheck.TOLERANCE);
        assertEquals(Verdict.EQUAL, before.verdict(), "one slow round of CPU 1: " + before.summary());
        CoreCheck after = check(new double[] {5.526, 5.885, 5.520, 6.285, 6.226}, new double[] {4.434, 4.411, 4.495, 4.979, 4.503});
        assertEquals(Verdict.UNSTEADY, after.verdict(), "CPU 0 moved to a slower level for its last rounds: " + after.summary());
    }

    @Test
    void simulatedQuietAndSharedMachinesGetTheirVerdicts() {
        Random random = new Random(16);
        int trials = 2000;
        int quietButUnsteady = 0;
        int sharedAndUnequal = 0;
        for (int t = 0; t < trials; t++) {
            // Both CPUs with 2% noise, and one round somewhere 40% slow.
            double[][] quiet = {noisy(random, 5.0, 0.02), noisy(random, 5.0, 0.02)};
            quiet[random.nextInt(2)][random.nextInt(ROUNDS)] *= 1.4;
            quietButUnsteady += check(quiet).verdict() == Verdict.UNSTEADY ? 1 : 0;
            // CPU 1 at half speed with 3% noise.
            CoreCheck shared = check(noisy(random, 5.0, 0.02), noisy(random, 10.0, 0.03));
            if (shared.verdict() == Verdict.UNEQUAL) {
                sharedAndUnequal++;
                assertEquals(1.5, shared.capacity(), 0.05);
            }
        }
        assertTrue(quietButUnsteady <= trials / 100, quietButUnsteady + " of " + trials + " quiet checks were unsteady");
        assertTrue(sharedAndUnequal >= trials * 99 / 100, sharedAndUnequal + " of " + trials + " shared checks were unequal");
    }

    private static double[] noisy(Random random, double millis, double sd) {
        double[] rounds = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            rounds[r] = millis * (1 + sd * random.nextGaussian());
        }
        return rounds;
    }

    @Test
    void oneCpuIsEqualWithCapacityOne() {
        CoreCheck c = CoreCheck.of("t", "fib(30)", 3, null, CpuList.of(5), new double[][] {{4, 4.1, 4.05}});
        assertEquals(Verdict.EQUAL, c.verdict());
        assertEquals(1.0, c.capacity(), EPS);
        assertEquals(5, c.cpus().get(0).cpu());
        assertNull(c.pinnedWith());
        assertTrue(c.summary().endsWith(", unpinned"), c.summary());
    }

    @Test
    void manyCpusAreSummarisedByTheirExtremes() {
        double[][] samples = new double[12][];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = new double[] {10, 10};
        }
        samples[7] = new double[] {20, 20};
        String summary = check(samples).summary();
        assertTrue(summary.contains("slowest CPU 7 at 0.50"), summary);
    }

    @Test
    void malformedSamplesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> check(new double[] {1, 2}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> check(new double[] {1, 0}));
        assertThrows(IllegalArgumentException.class, () -> check(new double[] {1, Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> CoreCheck.of("t", "k", 1, null, CpuList.of(0, 1), new double[][] {{1}}));
    }

    @Test
    void jsonNamesTheVerdictInLowerCaseAndReadsBack() throws Exception {
        CoreCheck c = check(new double[] {10, 10}, new double[] {20, 20});
        String json = CoresCommand.JSON.writeValueAsString(c);
        assertTrue(json.contains("\"verdict\" : \"unequal\""), json);
        assertTrue(json.contains("\"iqr\" : 0.0") && json.contains("\"drift\" : 0.0"), json);
        assertEquals(c, CoresCommand.JSON.readValue(json, CoreCheck.class));
        String future = json.replaceFirst("\\{", "{ \"addedLater\" : 1,");
        assertEquals(c, CoresCommand.JSON.readValue(future, CoreCheck.class), "fields added later are ignored");
    }

    @Test
    void aCheckRecordedBeforeTheRobustFiguresKeepsItsVerdict() throws Exception {
        // As the suite wrote it with five rounds judged by their range: one stray round made it unsteady.
        CoreCheck c = CoresCommand.JSON.readValue(SidecarCoreChecksTest.FIRST_RULE_CHECK, CoreCheck.class);
        assertEquals(Verdict.UNSTEADY, c.verdict(), "the verdict is what the run was told, not judged again");
        assertNull(c.iqr());
        assertNull(c.drift());
        assertNull(c.cpus().get(1).iqr());
        assertEquals("unsteady: capacity 1.99 of 2 CPUs (CPU 0 1.00, CPU 1 0.99), rounds within 14%", c.summary());
    }
}
