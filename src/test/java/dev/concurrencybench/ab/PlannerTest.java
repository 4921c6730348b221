package dev.concurrencybench.ab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concurrencybench.compare.Moderation;
import dev.concurrencybench.compare.PairedStats;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlannerTest {

    private static final Planner.Settings DEFAULT = new Planner.Settings(0.05, 0.05, 0.10, true);

    /** A real row after its pilot: spreading by {@code sd} per pair (known on 30 degrees of freedom), a pair costing {@code seconds}. */
    private static Planner.Input row(String name, double sd, double seconds) {
        return new Planner.Input(AbFixtures.ss(name), new double[] {0, 0}, sd * sd, 1, seconds, -1,
                new Moderation.Prior(30, sd * sd));
    }

    private static double spent(List<Planner.Input> rows, Planner.Plan plan) {
        double s = 0;
        for (int i = 0; i < rows.size(); i++) {
            s += (plan.targets()[i] - rows.get(i).pairs().length) * rows.get(i).pairSeconds();
        }
        return s;
    }

    @Test
    void aNoisierRowGetsMorePairsAndAHopelessOneIsOutOfReach() {
        List<Planner.Input> rows = List.of(row("quiet", 0.01, 3), row("noisy", 0.06, 3), row("hopeless", 2.0, 3));
        Planner.Plan plan = Planner.plan(rows, 600, DEFAULT);
        assertTrue(plan.targets()[1] > plan.targets()[0], plan.targets()[0] + " vs " + plan.targets()[1]);
        assertTrue(plan.outOfReach()[2]);
        assertEquals(2, plan.targets()[2], "out of reach: its pilot pairs only");
        assertFalse(plan.outOfReach()[0] || plan.outOfReach()[1]);
        assertTrue(spent(rows, plan) <= 600 * Planner.BUDGET_SHARE);
    }

    /** With the budget for only some rows, those that reach useful power cheapest get it; the rest keep their pilot. */
    @Test
    void whenTheBudgetIsShortTheCheapestRowsReachUsefulPowerFirst() {
        List<Planner.Input> rows = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            rows.add(row("r" + i, 0.08, 1 + i));
        }
        Planner.Plan plan = Planner.plan(rows, 25, DEFAULT);
        int reached = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (!plan.outOfReach()[i]) {
                assertEquals(reached, i, "the rows in reach are the cheapest");
                reached++;
            }
        }
        assertTrue(reached >= 1 && reached < 6, "reached " + reached);
        assertTrue(spent(rows, plan) <= 25 * Planner.BUDGET_SHARE);
    }

    /** A row's power at the detect size with its planned pairs: at least the useful level for every row in reach. */
    @Test
    void everyRowInReachGetsUsefulPower() {
        List<Planner.Input> rows = List.of(row("a", 0.02, 2), row("b", 0.05, 3), row("c", 0.08, 4));
        Planner.Plan plan = Planner.plan(rows, 900, DEFAULT);
        for (int i = 0; i < rows.size(); i++) {
            int n = plan.targets()[i];
            double sd = Math.sqrt(rows.get(i).variance());
            double se = sd * Math.sqrt(PairedStats.approximate(n).tau() / n);
            double power = PairedStats.power(Math.log1p(0.10), se, 30 + PairedStats.approximate(n).df(), 0.05 / 3, 0.05);
            assertTrue(power >= Planner.REACH, i + ": " + power);
        }
    }

    /** A row whose pilot pairs barely differ still gets the fewest pairs: two pairs cannot show that it is that quiet. */
    @Test
    void aRowInReachGetsAtLeastTheFewestPairsHoweverQuietItsPilotLooks() {
        List<Planner.Input> rows = List.of(row("quiet", 1e-5, 3), row("noisy", 0.06, 3));
        Planner.Plan plan = Planner.plan(rows, 600, DEFAULT);
        assertFalse(plan.outOfReach()[0]);
        assertTrue(plan.targets()[0] >= Planner.TRIMMED.family() && plan.targets()[1] >= Planner.TRIMMED.family());
        // A budget for the quiet row's three more pairs only: they come first, as the cheaper need.
        Planner.Plan tight = Planner.plan(List.of(row("quiet", 1e-5, 3), row("noisy", 0.06, 4)), 10, DEFAULT);
        assertEquals(Planner.SHORT.family(), tight.targets()[0]);
        assertTrue(tight.outOfReach()[1], "the noisy row's pairs cost more than is left");
    }

    /**
     * Once detection is bought, the rest of a long budget lowers the minimum detectable effect; what
     * no row's MDE needs goes to the rows in turn, up to the most pairs a row is planned.
     */
    @Test
    void aLongBudgetGoesOnTheMinimumDetectableEffectAndWhatIsLeftToTheRowsInTurn() {
        List<Planner.Input> rows = List.of(row("a", 0.15, 3), row("b", 0.15, 3));
        Planner.Plan shortPlan = Planner.plan(rows, 300, DEFAULT);
        Planner.Plan longPlan = Planner.plan(rows, 3000, DEFAULT);
        Planner.Plan endless = Planner.plan(rows, 3_000_000, DEFAULT);
        assertTrue(longPlan.targets()[0] > shortPlan.targets()[0]);
        assertEquals(longPlan.targets()[0], longPlan.targets()[1], 3, "alike rows, alike plans");
        assertEquals(Planner.MAX_PAIRS, endless.targets()[0]);
        assertEquals(Planner.MAX_PAIRS, endless.targets()[1]);
    }

    /** A row no family lends a prior to, its variance from its own two pilot pairs. */
    private static Planner.Input lone(String name, double sd, double seconds) {
        return new Planner.Input(AbFixtures.ss(name), new double[] {0, 0}, sd * sd, 1, seconds, -1, Moderation.Prior.NONE);
    }

    /**
     * The fewest pairs are the trimmed ones when the budget pays them for every row in reach, the
     * short ones when it does not; a row tested on its own variance gets more of them than a row of
     * a family: its pairs are all its degrees of freedom, however quiet its pilot looks.
     */
    @Test
    void theFewestPairsAreTrimmedOnesWhenTheBudgetPaysThemForEveryRowAndMoreForARowAlone() {
        // Pairs of 3 s: six more of the family row and seven of the lone row fit in 97% of 41 s.
        List<Planner.Input> rows = List.of(row("quiet", 1e-5, 3), lone("alone", 1e-5, 3));
        Planner.Plan trimmed = Planner.plan(rows, 41, DEFAULT);
        assertEquals(Planner.TRIMMED.family(), trimmed.targets()[0]);
        assertEquals(Planner.TRIMMED.alone(), trimmed.targets()[1]);
        assertEquals(8, Planner.TRIMMED.family(), "the fewest pairs that trim one at each end");
        // Three more of the family row and five of the lone row, and no more.
        Planner.Plan plan = Planner.plan(rows, 25, DEFAULT);
        assertEquals(Planner.SHORT.family(), plan.targets()[0]);
        assertEquals(Planner.SHORT.alone(), plan.targets()[1]);
        assertFalse(plan.outOfReach()[0] || plan.outOfReach()[1]);
        // Short of its fewest pairs, the lone row is out of reach at this step, and the family row gets
        // its five; what is left then goes to the lone row (three pairs' worth), as to any row alone.
        Planner.Plan tight = Planner.plan(rows, 20, DEFAULT);
        assertEquals(Planner.SHORT.family(), tight.targets()[0]);
        assertEquals(5, tight.targets()[1]);
        assertFalse(tight.outOfReach()[0] || tight.outOfReach()[1]);
    }

    /**
     * Two pilot pairs cannot show that a row is quiet, nor that it is hopeless: the plan ends early
     * for the rows of a family, and what is left of the budget goes, in turn, to the rows in reach
     * planned on their own pilot; without one, to those out of reach on it; without either, to every
     * row in reach.
     */
    @Test
    void whatThePlanLeavesGoesToTheRowsPlannedOnTheirOwnPilot() {
        List<Planner.Input> rows = List.of(row("a", 0.002, 3), row("b", 0.002, 3), lone("alone", 0.002, 6),
                lone("wide", 5.0, 6));
        Planner.Plan plan = Planner.plan(rows, 600, DEFAULT);
        assertTrue(plan.targets()[0] < 20 && plan.targets()[1] < 20, "the family's quiet rows need a few pairs: "
                + plan.targets()[0] + ", " + plan.targets()[1]);
        assertTrue(plan.outOfReach()[3]);
        assertEquals(2, plan.targets()[3], "a lone row out of reach stays at its pilot while one in reach takes the rest");
        double pairsLeft = (600 * Planner.BUDGET_SHARE - spent(rows, plan)) / 6;
        assertTrue(pairsLeft < 1, "the lone row in reach gets the rest of the budget: " + pairsLeft + " pairs' worth left");
        assertTrue(plan.targets()[2] > 80, "lone row: " + plan.targets()[2] + " pairs");

        // Without a lone row in reach, the lone row out of reach on its pilot gets the rest, and is in reach.
        List<Planner.Input> noLoneInReach = List.of(row("a", 0.002, 3), row("b", 0.002, 3), lone("wide", 5.0, 6));
        Planner.Plan wide = Planner.plan(noLoneInReach, 600, DEFAULT);
        assertFalse(wide.outOfReach()[2]);
        assertTrue(wide.targets()[2] > 80, "wide row: " + wide.targets()[2] + " pairs");
        assertTrue((600 * Planner.BUDGET_SHARE - spent(noLoneInReach, wide)) / 6 < 1);

        // Without a lone row, what is left goes to every row in reach, in turn.
        Planner.Plan noLone = Planner.plan(List.of(row("a", 0.002, 3), row("b", 0.002, 3)), 600, DEFAULT);
        assertEquals(noLone.targets()[0], noLone.targets()[1], 1);
        assertTrue(noLone.targets()[0] > 80, noLone.targets()[0] + " pairs");
    }

    @Test
    void aControlRowFollowsItsTwinAndItsPairsAreCountedInTheCost() {
        List<Planner.Input> rows = new ArrayList<>(List.of(row("a", 0.15, 3), row("b", 0.15, 3)));
        Planner.Plan alone = Planner.plan(rows, 600, DEFAULT);
        rows.add(new Planner.Input(AbFixtures.ss("a"), new double[] {0, 0}, 0.0225, 1, 3, 0, Moderation.Prior.NONE));
        Planner.Plan with = Planner.plan(rows, 600, DEFAULT);
        assertEquals(with.targets()[0], with.targets()[2], "the control row gets its twin's pairs");
        assertTrue(with.targets()[0] < alone.targets()[0], "its twin's pairs cost twice: " + with.targets()[0] + " vs "
                + alone.targets()[0]);
        assertTrue(spent(rows, with) <= 600 * Planner.BUDGET_SHARE);
    }

    @Test
    void withoutAllocationEveryRowGetsAPairInTurn() {
        List<Planner.Input> rows = List.of(row("quiet", 0.01, 3), row("noisy", 0.06, 3), row("hopeless", 2.0, 3));
        Planner.Plan plan = Planner.plan(rows, 300, new Planner.Settings(0.05, 0.05, 0.10, false));
        int pairs = plan.targets()[0] + plan.targets()[1] + plan.targets()[2] - 6;
        assertEquals(97, pairs, "97 pairs of 3 s fill 97% of 300 s");
        assertEquals(plan.targets()[0], plan.targets()[2], 1);
        assertEquals(plan.targets()[1], plan.targets()[2], 1);
        assertFalse(plan.outOfReach()[2]);
    }

    @Test
    void rowsWithoutTwoPilotPairsAreNotPlanned() {
        List<Planner.Input> rows = List.of(row("a", 0.05, 3),
                new Planner.Input(AbFixtures.ss("failed"), new double[] {0.1}, Double.NaN, 0, Double.MAX_VALUE, -1,
                        Moderation.Prior.NONE));
        Planner.Plan plan = Planner.plan(rows, 600, DEFAULT);
        assertEquals(1, plan.targets()[1]);
        assertTrue(plan.targets()[0] > 2);
    }
}
