package dev.concurrencybench.ab;

import dev.concurrencybench.compare.Moderation;
import dev.concurrencybench.compare.PairedStats;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * A planning step of an {@code ab} run: from every row's pairs so far (the pilot's, then those of the
 * first plan: {@link Engine}), how many pairs each row gets in all. The plan reads only the spread of
 * the pairs and what they cost, never the sign or size of a change, and it is made at two fixed
 * points, not after every round: a row is never stopped because it happens to look changed, or
 * unchanged, nor because its spread happens to look small (the trap of looking after every round).
 *
 * <ol>
 *   <li><b>Spread:</b> each row's variance per pair, moderated within its family ({@link Moderation}),
 *       so that the plan depends little on one row's own few pairs.</li>
 *   <li><b>Useful power:</b> every row gets the pairs it needs to flag a change of the detect size
 *       with probability {@link #REACH} ({@link PairedStats#power}), and at least its fewest pairs:
 *       {@link #TRIMMED} when the budget pays them for every row, else {@link #SHORT},
 *       the cheapest first, as far as the budget goes. The rows it cannot pay for are <b>out of reach</b>:
 *       they keep the pairs they have.</li>
 *   <li><b>Detection:</b> the budget goes, pairs at a time, to the row where it buys the most of that
 *       probability per second, looking up to {@link #LOOK_AHEAD} pairs ahead, because power rises in
 *       an S with the pairs: the first few buy little, the next many buy much.</li>
 *   <li><b>Leftover:</b> once more pairs buy almost no detection, the rest of the budget goes on
 *       lowering the minimum detectable effect, a pair at a time where it falls the most per second,
 *       until pairs lower no row's by {@link #MDE_STEP} each.</li>
 *   <li><b>What is left:</b> whatever budget is still left goes, a pair to each in turn, to the rows
 *       in reach that are planned on their own pairs (no family lends them a prior); when
 *       there is none, to such rows that their pilot put out of reach (one wide pilot pair put the
 *       process-per-task sleep row out of reach in 3% of simulated io-shard runs while the budget
 *       went to rows already at the 3% floor); when there is none either, to every row in reach.
 *       A plan from a pilot can be wrong about a row: one degree of freedom gives a variance a
 *       tenth of the truth or less one time in four, and a row can turn out noisier than the
 *       family it was planned with. Such a pilot made the plan
 *       give a noisy row a few pairs and end with most of the budget unused (the process-per-task
 *       sleep row: an MDE above 5% in 40% of simulated io-shard runs). Only the pilot decides what
 *       is left, so this reads no outcome either.</li>
 * </ol>
 *
 * <p>A control row's pairs follow its real twin's plan, so it meets what its twin meets; the twin's
 * pairs cost both.
 */
final class Planner {

    /** Pairs looked ahead when weighing a row's next pairs (a noisy row's power rises over a hundred pairs). */
    static final int LOOK_AHEAD = 200;
    /** The power at the detect size below which a row is out of reach. */
    static final double REACH = 0.5;
    /**
     * The fewest pairs a row in reach is planned: for a row of a family, and for a row no family lends
     * a prior (an async lesson, alone in its benchmark), which is tested on its own variance, so that
     * its pairs are all its degrees of freedom.
     */
    record Fewest(int family, int alone) {
    }

    /**
     * The fewest pairs when the budget pays them for every row in reach: from 8 pairs one is trimmed
     * at each end, so one late wake-up (a sleeping call 25% late, one in several thousand, moved a
     * fork of five calls by 5% and left a sleep row of 5 pairs at an MDE of 10.3% in a real io-shard
     * A/A run) cannot decide a row's spread. A row alone gets 9: trimmed, 8 pairs leave it 4.3
     * degrees of freedom, 9 leave 5.3.
     */
    static final Fewest TRIMMED = new Fewest(PairedStats.FIRST_TRIMMED, PairedStats.FIRST_TRIMMED + 1);
    /**
     * The fewest pairs otherwise (the single 64-row job: there 8 for every row would leave the sleep
     * rows out of reach, flagging +8% in 47% of simulated runs instead of 82%). Two pilot pairs give
     * a row one degree of freedom, and a variance estimated on one is a tenth of the truth or less
     * one time in four: the plan cannot tell from them that a quiet-looking row is not. A row tested
     * on its own with 3 pairs has a t quantile of 46 at alpha 0.025/52; with 5 pairs, 10.4.
     * Measured: sleep rows planned 3 pairs ended at an MDE of 7-15% where rows like them with one
     * or two pairs more read 3%. A row alone gets 7, the most before the first trim (6 degrees of
     * freedom): with 5 (4 df, a t quantile of 11.7 at 0.0125/41) a pilot that looked quiet by
     * chance left an async row at an MDE of 5.9% (real rest-shard A/A, results/gate-aa6).
     */
    static final Fewest SHORT = new Fewest(5, PairedStats.FIRST_TRIMMED - 1);
    /** Detection bought per pair below which the rest goes on the minimum detectable effect. */
    static final double POWER_STEP = 1e-3;
    /** Pairs that lower no row's minimum detectable effect by this much each end the plan. */
    static final double MDE_STEP = 1e-4;
    /** Pairs looked ahead when lowering the minimum detectable effect: one more trimmed pair per ten. */
    static final int MDE_LOOK_AHEAD = 10;
    /** The share of the budget left after the pilot that the plan fills: pairs cost a little more or less than predicted. */
    static final double BUDGET_SHARE = 0.97;
    /** No row is planned more pairs than this. */
    static final int MAX_PAIRS = 10_000;

    /**
     * What the plan asks.
     *
     * @param alpha     the family-wise level
     * @param minEffect the smallest change that counts, as a fraction
     * @param detect    the change the detection step aims to flag, as a fraction
     * @param allocate  whether pairs go where they buy the most (off: to every row in turn, to measure it)
     */
    record Settings(double alpha, double minEffect, double detect, boolean allocate) {
    }

    /**
     * One row at the plan.
     *
     * @param pairs       the pilot's log ratios
     * @param variance    the row's variance per pair from its pairs so far, and its degrees of freedom
     * @param pairSeconds what one more pair of this row is predicted to cost
     * @param twin        for a control row, the index of its real twin; -1 for a real row
     * @param prior       the prior its variance is moderated with ({@link Families#planned})
     */
    record Input(Row row, double[] pairs, double variance, double df, double pairSeconds, int twin,
                 Moderation.Prior prior) {

        boolean control() {
            return twin >= 0;
        }
    }

    /**
     * The plan.
     *
     * @param targets    pairs in all per row (the pilot's included)
     * @param outOfReach rows left at their pairs so far because they could not reach useful power
     * @param fewest     the fewest pairs it gave a row in reach ({@link #TRIMMED} or {@link #SHORT});
     *                   null without allocation
     */
    record Plan(int[] targets, boolean[] outOfReach, Fewest fewest) {
    }

    private final List<Input> rows;
    private final Settings settings;
    private final double familyAlpha;
    private final Map<Double, double[]> quantiles = new HashMap<>();
    private Fewest fewest;

    private Planner(List<Input> rows, Settings settings) {
        this.rows = rows;
        this.settings = settings;
        long real = rows.stream().filter(r -> !r.control()).count();
        this.familyAlpha = settings.alpha() / Math.max(1, real);
    }

    /** Plans {@code budgetSeconds} of pairs over the rows. */
    static Plan plan(List<Input> rows, double budgetSeconds, Settings settings) {
        return new Planner(rows, settings).plan(budgetSeconds);
    }

    /** A real row to allocate: its curve, its cost with its control twins', and its pairs so far. */
    private final class Unit {
        final int index;
        final double sigma2;
        final double priorDf;
        final double cost;
        final int start;
        final int limit;
        final Map<Integer, Double> powers = new HashMap<>();
        final Map<Integer, Double> mdes = new HashMap<>();
        int n;

        Unit(int index, double sigma2, double priorDf, double cost, double budget) {
            this.index = index;
            this.sigma2 = sigma2;
            this.priorDf = priorDf;
            this.cost = cost;
            this.start = rows.get(index).pairs().length;
            this.limit = (int) Math.min(MAX_PAIRS, start + Math.floor(budget * BUDGET_SHARE / cost));
            this.n = start;
        }

        double se(int pairs) {
            return Math.sqrt(PairedStats.approximate(pairs).tau() * sigma2 / pairs);
        }

        double power(int pairs) {
            return powers.computeIfAbsent(pairs, this::computePower);
        }

        double mde(int pairs) {
            return mdes.computeIfAbsent(pairs, this::computeMde);
        }

        private double computePower(int pairs) {
            double se = se(pairs);
            if (!(se > 0)) {
                return 1;
            }
            double[] q = quantiles(pairs);
            double threshold = Math.max(q[0] * se, Math.log1p(settings.minEffect()));
            return TDistribution.of(df(pairs)).cumulativeProbability((Math.log1p(settings.detect()) - threshold) / se);
        }

        private double computeMde(int pairs) {
            double se = se(pairs);
            double[] q = quantiles(pairs);
            return Math.expm1(Math.max(q[0] * se, Math.log1p(settings.minEffect())) + q[1] * se);
        }

        double df(int pairs) {
            return (pairs >= Families.MIN_PAIRS ? priorDf : 0) + PairedStats.approximate(pairs).df();
        }

        /** The critical value at the family's Bonferroni level and the 80% quantile, for this many pairs. */
        double[] quantiles(int pairs) {
            return quantiles.computeIfAbsent(df(pairs), df -> {
                TDistribution t = TDistribution.of(df);
                return new double[] {t.inverseSurvivalProbability(familyAlpha / 2),
                    t.inverseCumulativeProbability(PairedStats.POWER)};
            });
        }
    }

    /** A row's best next move: {@code k} more pairs, buying {@code gain} per second. */
    private record Step(Unit unit, int k, double gain) {
    }

    private Plan plan(double budget) {
        List<Unit> units = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Input in = rows.get(i);
            if (in.control() || in.pairs().length < 2) {
                continue;
            }
            double cost = in.pairSeconds();
            for (Input other : rows) {
                cost += other.twin() == i ? other.pairSeconds() : 0;
            }
            units.add(new Unit(i, in.prior().moderate(in.variance(), in.df()), in.prior().df(), cost, budget));
        }
        boolean[] out = new boolean[rows.size()];
        double usable = budget * BUDGET_SHARE;
        double left = settings.allocate() ? detect(units, out, usable) : inTurn(units, usable);
        if (settings.allocate()) {
            left = lowerMde(units, out, left);
            List<Unit> inReach = units.stream().filter(u -> !out[u.index]).toList();
            List<Unit> lone = inReach.stream().filter(u -> u.priorDf == 0).toList();
            List<Unit> loneOut = units.stream().filter(u -> out[u.index] && u.priorDf == 0).toList();
            inTurn(!lone.isEmpty() ? lone : !loneOut.isEmpty() ? loneOut : inReach, left);
            loneOut.forEach(u -> out[u.index] = u.n == u.start);
        }
        int[] targets = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            targets[i] = rows.get(i).pairs().length;
        }
        for (Unit u : units) {
            targets[u.index] = u.n;
        }
        for (int i = 0; i < rows.size(); i++) {
            Input in = rows.get(i);
            if (in.control()) {
                targets[i] = Math.max(in.pairs().length, targets[in.twin()]);
                out[i] = out[in.twin()];
            }
        }
        return new Plan(targets, out, fewest);
    }

    /**
     * The detection step. First every row is brought to useful power ({@link #REACH} at the detect
     * size), the cheapest first, as far as the budget goes: the rows it cannot pay for are out of
     * reach. Then pairs go, a look-ahead at a time, where they buy the most power per second,
     * until they buy less than {@link #POWER_STEP} a pair. Returns the budget left.
     */
    private double detect(List<Unit> units, boolean[] out, double budget) {
        double left = budget;
        Map<Unit, Integer> shortNeeds = needs(units, SHORT);
        Map<Unit, Integer> trimmed = needs(units, TRIMMED);
        double all = trimmed.entrySet().stream().mapToDouble(e -> e.getValue() * e.getKey().cost).sum();
        boolean paid = all <= left && trimmed.keySet().containsAll(shortNeeds.keySet());
        Map<Unit, Integer> needed = paid ? trimmed : shortNeeds;
        fewest = paid ? TRIMMED : SHORT;
        List<Unit> byCost = new ArrayList<>(needed.keySet());
        for (Unit u : units) {
            out[u.index] = !needed.containsKey(u);
        }
        byCost.sort(java.util.Comparator.comparingDouble(u -> needed.get(u) * u.cost));
        for (Unit u : byCost) {
            double cost = needed.get(u) * u.cost;
            if (cost <= left) {
                u.n += needed.get(u);
                left -= cost;
            } else {
                out[u.index] = true;
            }
        }
        PriorityQueue<Step> queue = new PriorityQueue<>((a, b) -> Double.compare(b.gain(), a.gain()));
        for (Unit u : units) {
            if (!out[u.index]) {
                offer(queue, u, left);
            }
        }
        while (!queue.isEmpty()) {
            Step s = queue.poll();
            if (s.k() * s.unit().cost > left) {
                offer(queue, s.unit(), left);
                continue;
            }
            s.unit().n += s.k();
            left -= s.k() * s.unit().cost;
            offer(queue, s.unit(), left);
        }
        return left;
    }

    /** The pairs each row needs for useful power and its fewest pairs; rows that cannot reach them within their limit are left out. */
    private Map<Unit, Integer> needs(List<Unit> units, Fewest rule) {
        Map<Unit, Integer> needed = new LinkedHashMap<>();
        for (Unit u : units) {
            int least = u.priorDf == 0 ? rule.alone() : rule.family();
            int k = 0;
            while (u.n + k <= u.limit && (u.n + k < least || u.power(u.n + k) < REACH)) {
                k++;
            }
            if (u.n + k <= u.limit) {
                needed.put(u, k);
            }
        }
        return needed;
    }

    /** Queues a row's best next k pairs (up to the look-ahead), if any is affordable and buys enough. */
    private void offer(PriorityQueue<Step> queue, Unit u, double left) {
        int most = Math.min(Math.min(LOOK_AHEAD, u.limit - u.n), (int) Math.floor(left / u.cost));
        double now = u.power(u.n);
        Step best = null;
        for (int k = 1; k <= most; k++) {
            double gain = u.power(u.n + k) - now;
            if (gain / k >= POWER_STEP && (best == null || gain / (k * u.cost) > best.gain())) {
                best = new Step(u, k, gain / (k * u.cost));
            }
        }
        if (best != null) {
            queue.add(best);
        }
    }

    /**
     * The leftover step: pairs to the row whose minimum detectable effect falls the most per second,
     * in proportion to itself (about 1 / 2n per pair for every row, whatever its spread, so that
     * rows whose two pilot pairs happened to spread widely do not draw the whole budget), looking a
     * trim's worth of pairs ahead (where one more pair is trimmed, the effect stands still for a pair).
     * Returns the budget left.
     */
    private double lowerMde(List<Unit> units, boolean[] out, double budget) {
        double left = budget;
        PriorityQueue<Step> queue = new PriorityQueue<>((a, b) -> Double.compare(b.gain(), a.gain()));
        for (Unit u : units) {
            if (!out[u.index]) {
                offerPairs(queue, u, left);
            }
        }
        while (!queue.isEmpty()) {
            Step s = queue.poll();
            if (s.k() * s.unit().cost > left) {
                offerPairs(queue, s.unit(), left);
                continue;
            }
            s.unit().n += s.k();
            left -= s.k() * s.unit().cost;
            offerPairs(queue, s.unit(), left);
        }
        return left;
    }

    private void offerPairs(PriorityQueue<Step> queue, Unit u, double left) {
        int most = Math.min(Math.min(MDE_LOOK_AHEAD, u.limit - u.n), (int) Math.floor(left / u.cost));
        double now = u.mde(u.n);
        Step best = null;
        for (int k = 1; k <= most; k++) {
            double next = u.mde(u.n + k);
            double relative = Math.log(now / next) / (k * u.cost);
            if ((now - next) / k >= MDE_STEP && (best == null || relative > best.gain())) {
                best = new Step(u, k, relative);
            }
        }
        if (best != null) {
            queue.add(best);
        }
    }

    /** A pair to every row in turn while the budget lasts (all rows without allocation). Returns the budget left. */
    private double inTurn(List<Unit> units, double budget) {
        double left = budget;
        boolean any = true;
        while (any) {
            any = false;
            for (Unit u : units) {
                if (u.n < u.limit && u.cost <= left) {
                    u.n++;
                    left -= u.cost;
                    any = true;
                }
            }
        }
        return left;
    }
}
