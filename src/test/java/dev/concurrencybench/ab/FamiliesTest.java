package dev.concurrencybench.ab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concurrencybench.compare.Moderation;
import dev.concurrencybench.compare.PairedStats;
import dev.concurrencybench.results.BenchMode;
import dev.concurrencybench.results.BenchmarkResult.RowKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FamiliesTest {

    private static Row row(String model) {
        return new Row(new RowKey("dev.example.Bench.fib", BenchMode.SINGLE_SHOT_TIME, Map.of("model", model)), Set.of(), 4,
                null, 4, null);
    }

    /** A row of {@code n} pairs spreading by {@code pairSd}, whose forks each hold 8 calls spreading by {@code callSd}. */
    private static Families.Member member(Row row, int n, double pairSd, double callSd, long seed) {
        Random r = new Random(seed);
        double[] d = new double[n];
        List<Fork> base = new ArrayList<>();
        List<Fork> next = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            d[i] = pairSd * r.nextGaussian();
            base.add(fork(r, callSd));
            next.add(fork(r, callSd));
        }
        return Families.Member.of(row, PairedStats.sample(d), base, next);
    }

    private static Fork fork(Random r, double callSd) {
        double[] calls = new double[8];
        for (int i = 0; i < calls.length; i++) {
            calls[i] = 0.1 * Math.exp(callSd * r.nextGaussian());
        }
        return new Fork(java.util.Arrays.stream(calls).average().orElseThrow(), calls, "s/op", 0.1, null, 0, null);
    }

    private static List<Families.Member> alike(int rows, int n, double pairSd, double callSd) {
        List<Families.Member> out = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            out.add(member(row("M" + i), n, pairSd, callSd, i));
        }
        return out;
    }

    @Test
    void rowsWhoseCallsVaryAlikeFormOneFamilyAndEachIsModeratedByTheOthers() {
        List<Families.Member> members = alike(6, 10, 0.05, 0.03);
        Families families = Families.of(members);
        assertEquals(1, families.priors().size());
        Families.Member first = members.get(0);
        Moderation.Prior prior = families.prior(first);
        List<Families.Member> others = members.subList(1, members.size());
        Moderation.Prior expected = Moderation.estimate(others.stream().mapToDouble(Families.Member::variance).toArray(),
                others.stream().mapToDouble(Families.Member::df).toArray());
        assertEquals(expected, prior, "the prior of the other rows, not of all");
        assertTrue(prior.df() > 0);
    }

    @Test
    void aRowWhoseCallsVaryTenTimesAsMuchIsAFamilyOfItsOwn() {
        List<Families.Member> members = alike(5, 10, 0.05, 0.01);
        Families.Member odd = member(row("PROCESS_PER_TASK"), 10, 0.05, 0.10, 99);
        members.add(odd);
        Families families = Families.of(members);
        assertEquals(2, families.priors().size(), families.priors().keySet().toString());
        assertEquals(Moderation.Prior.NONE, families.prior(odd), "a family of one lends nothing");
        assertTrue(families.prior(members.get(0)).df() > 0);
    }

    @Test
    void aRowWhosePairsSpreadFarMoreThanItsFamilysIsNotModerated() {
        List<Families.Member> members = alike(6, 10, 0.02, 0.03);
        Families.Member noisy = member(row("NOISY"), 10, 0.30, 0.03, 7);
        members.add(noisy);
        Families families = Families.of(members);
        assertEquals(Moderation.Prior.NONE, families.prior(noisy));
        assertTrue(families.prior(members.get(0)).df() > 0, "the others still are");
    }

    /**
     * A row whose calls spread less than twice as much as its family's joins it, but when its calls
     * alone put a pair's variance far above the family's (a fork that starts ten JVMs a call), it is
     * planned alone, as it will be tested.
     */
    @Test
    void aRowWhoseCallsAlonePutItFarAboveItsFamilyIsPlannedAlone() {
        List<Families.Member> members = alike(5, 10, 0.005, 0.01);
        Families.Member odd = member(row("PROCESS_PER_TASK"), 10, 0.05, 0.019, 99);
        members.add(odd);
        Families families = Families.of(members);
        assertEquals(1, families.priors().size(), "one family by the calls' spread: " + families.priors().keySet());
        assertEquals(Moderation.Prior.NONE, families.planned(odd));
        assertEquals(Moderation.Prior.NONE, families.prior(odd), "nor is it moderated at the test");
        for (Families.Member m : members.subList(0, 5)) {
            assertTrue(families.planned(m).df() > 0, m.row().key().display());
        }
    }

    @Test
    void aRowWithOnlyItsPilotPairsIsNeverModerated() {
        List<Families.Member> members = alike(6, 10, 0.05, 0.03);
        Families.Member pilot = member(row("PILOT"), Families.MIN_PAIRS - 1, 0.05, 0.03, 8);
        members.add(pilot);
        Families families = Families.of(members);
        assertEquals(Moderation.Prior.NONE, families.prior(pilot));
        assertTrue(families.planned(pilot).df() > 0, "the plan still reads the family's spread for it");
        assertTrue(families.prior(member(row("THREE"), Families.MIN_PAIRS, 0.05, 0.03, 9)).df() > 0);
    }

    @Test
    void theVarianceNeverFallsBelowTheFloorTheCallsPut() {
        List<Families.Member> members = alike(6, 10, 0.02, 0.01);
        Families families = Families.of(members);
        Families.Member m = members.get(2);
        double[] floor = Families.callFloor(m.base(), m.next());
        assertEquals(20 * 7, floor[1], "20 forks of 8 calls: 7 degrees of freedom each");
        assertEquals(2 * Math.pow(Families.callSpread(m.base(), m.next()), 2) / 8, floor[0], 1e-15);
        PairedStats.Sample same = PairedStats.sample(new double[] {0.01, 0.01, 0.01, 0.01});
        Families.Member flat = Families.Member.of(m.row(), same, m.base(), m.next());
        PairedStats.Summary s = families.test(flat, same, 0.95);
        assertTrue(s.se() * s.se() >= PairedStats.constants(4).tau() * floor[0] / 4 - 1e-15, "floor " + floor[0]);
    }

    @Test
    void aControlRowTakesTheFamilyOfItsTwinWithoutLendingToIt() {
        List<Families.Member> members = alike(6, 10, 0.05, 0.03);
        Families families = Families.of(members);
        Families.Member control = member(members.get(1).row(), 10, 0.05, 0.03, 42);
        Moderation.Prior prior = families.prior(control);
        List<Families.Member> all = members;
        Moderation.Prior expected = Moderation.estimate(all.stream().mapToDouble(Families.Member::variance).toArray(),
                all.stream().mapToDouble(Families.Member::df).toArray());
        assertEquals(expected, prior, "every real row of the family lends to its control");
    }
}
