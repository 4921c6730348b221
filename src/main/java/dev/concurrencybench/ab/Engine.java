package dev.concurrencybench.ab;

import dev.concurrencybench.compare.Moderation;
import dev.concurrencybench.compare.PairedStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The rounds of an {@code ab} run: a pilot, two plans, and the planned pairs. A round runs one pair
 * (a base fork and a new fork, back to back, in the order {@link OrderPlan} gives) for each row that
 * still needs one, the rows shuffled.
 *
 * <ol>
 *   <li><b>Pilot:</b> {@link #PILOT} pairs of every row, one AB and one BA. The first pair also
 *       sizes the row's forks ({@link ForkSettings#calibrated}); the second gives its cost per pair.</li>
 *   <li><b>First plan</b> ({@link Planner}): from the pilot's spreads, moderated within families,
 *       and the pairs' costs, which rows can reach useful power within the budget left; those get
 *       their fewest pairs ({@link Planner#TRIMMED} or {@link Planner#SHORT}), no more.</li>
 *   <li><b>Second plan</b>, on the same rules from all pairs so far, how many pairs each row gets in
 *       all. Rows that cannot reach useful power get none beyond what they have (<i>out of reach</i>).
 *       A pilot gives each row one degree of freedom, and a pilot taken while a neighbour was busy
 *       spreads far more than the pairs after it (results/gate-aa10, cpu run 1: 18% against 5-9%):
 *       planned on it alone, half the fib rows were left out of reach.</li>
 *   <li><b>Rounds</b> until every plan is run. When the time runs out first, the rows still short
 *       of their plans are <i>truncated</i>: tested on what they have.</li>
 * </ol>
 *
 * <p>No row's outcome is looked at between rounds: the plans use only the pairs' spreads and costs,
 * never the sign or size of a change, and the verdicts are made once, at the end, by {@code AbReport},
 * on all pairs. A test after every round, stopping a row when its spread happened to look small,
 * would flag unchanged rows more often than it says (the whole-procedure simulation measured 1.8
 * times the nominal rate for the design this replaced); two plans from the spreads alone keep the
 * rates (docs/regression-gate.md).
 *
 * <p>A row whose very first fork fails on one side gets the other side's fork of that pair too: if
 * that one runs, the row runs on one side only ({@link Status#ONE_SIDED}), as a benchmark that needs
 * an API only the newer of two JDKs has does. A row that fails after it has run is {@link Status#FAILED}.
 *
 * <p><b>Control rows</b> ({@code ab --control}) are copies of real rows whose pairs run the base jar
 * twice, the second base fork in the new fork's place. They go through everything a real row does
 * (pilot, shuffled rounds, AB/BA blocks, sizing), and get as many pairs as their real twin, so what
 * the report finds in them is what an unchanged row meets in this very run.
 */
public final class Engine {

    /** Pairs of every row before the plan. */
    static final int PILOT = 2;

    /**
     * @param budget     wall-clock time the pairs may take
     * @param alpha      the family-wise level of the final Holm step
     * @param minEffect  the smallest change that counts, as a fraction
     * @param detect     the change the plan aims to flag, as a fraction
     * @param seed       for the order of rows and forks
     * @param explicit   {@code -wi/-i/-w/-r} given on the command line, if any
     * @param steps      the design's steps (both on, but for measuring what each buys)
     */
    public record Config(Duration budget, double alpha, double minEffect, double detect, long seed,
                         Map<String, String> explicit, Steps steps) {

        /** The full design, detecting twice the minimum effect. */
        public Config(Duration budget, double alpha, double minEffect, long seed, Map<String, String> explicit) {
            this(budget, alpha, minEffect, 2 * minEffect, seed, explicit, Steps.ALL);
        }
    }

    /**
     * The steps of the design that can be switched off, so that the simulation can measure what
     * each buys.
     *
     * @param moderate   moderated variances within families, in the plan and the test
     * @param allocate   pairs where they buy the most detection, rows out of reach; else every row in turn
     * @param replan     a second plan once the rows in reach have their fewest pairs (with allocation only)
     */
    public record Steps(boolean moderate, boolean allocate, boolean replan) {
        public static final Steps ALL = new Steps(true, true, true);
    }

    /** Where a row stands at the end. */
    public enum Status {
        /** Ran every pair the plan gave it. */
        DONE,
        /** The plan gave it no pairs beyond the pilot: no useful power within the budget. */
        OUT_OF_REACH,
        /** The time ran out before its plan did. */
        TRUNCATED,
        /** A fork failed on one side; the row is no longer run. */
        FAILED,
        /**
         * The row's first fork failed on one side while the other side's ran: the row runs on that side
         * only, e.g. a benchmark that needs an API only the newer of two JDKs has ({@link RowOutcome#onlyOn}).
         */
        ONE_SIDED;

        /** Whether the row stopped on a failure: it has no test. */
        public boolean failed() {
            return this == FAILED || this == ONE_SIDED;
        }
    }

    /**
     * One row at the end of a run.
     *
     * @param pairs   ln(new / base) per pair, time-like (throughput inverted, so above 0 is slower)
     * @param base    the base forks, in the order run
     * @param next    the new forks
     * @param planned the pairs the plan gave it in all (the pilot's included)
     * @param failure why the row stopped, for {@link Status#FAILED} and {@link Status#ONE_SIDED}
     * @param onlyOn  for {@link Status#ONE_SIDED}, the side it runs on; else null
     */
    public record RowOutcome(Row row, double[] pairs, List<OrderPlan.Order> orders, List<Fork> base, List<Fork> next,
                             int planned, Status status, String failure, String unit, Side onlyOn) {
    }

    /**
     * The run: every row, how many rounds, how long, and the steps it took.
     *
     * @param controls the control rows, whose {@code next} forks are the base jar's too
     */
    public record Result(List<RowOutcome> rows, List<RowOutcome> controls, int rounds, long elapsedNanos, Steps steps,
                         Chosen chosen) {

        public Result {
            rows = List.copyOf(rows);
            controls = List.copyOf(controls);
        }

        /** A run of the full design. */
        public Result(List<RowOutcome> rows, List<RowOutcome> controls, int rounds, long elapsedNanos) {
            this(rows, controls, rounds, elapsedNanos, Steps.ALL, Chosen.NONE);
        }

        /** The run without its rows that ran on one side only. */
        Result withoutOneSided() {
            return new Result(rows.stream().filter(r -> r.status() != Status.ONE_SIDED).toList(), controls, rounds,
                    elapsedNanos, steps, chosen);
        }
    }

    /**
     * What the plan chose, for the notes.
     *
     * @param fewestPairs the fewest pairs the plan gave a row of a family in reach; 0 when it made none
     *                    (no allocation, or no plan at all)
     * @param fewestAlone the same for a row alone
     * @param trimmed     whether those were the trimmed ones, which the budget paid for every row
     * @param alone       the real rows planned on their own pairs, no family lending them a prior
     * @param plans       how many plans were made: 2 when the second followed the first, 0 without any
     */
    public record Chosen(int fewestPairs, int fewestAlone, boolean trimmed, List<Row> alone, int plans) {
        static final Chosen NONE = new Chosen(0, 0, false, List.of(), 0);

        public Chosen {
            alone = List.copyOf(alone);
        }
    }

    private final List<Row> rows;
    private final List<Row> controls;
    private final ForkRunner runner;
    private final LongSupplier clock;
    private final Config config;
    private final Consumer<String> progress;
    /** What the plan chose, once it is made. */
    private Chosen chosen = Chosen.NONE;

    /**
     * @param clock     nanoseconds, e.g. {@code System::nanoTime}; a simulation passes its own
     * @param progress  receives one line per round and one for the plan
     */
    public Engine(List<Row> rows, ForkRunner runner, LongSupplier clock, Config config, Consumer<String> progress) {
        this(rows, List.of(), runner, clock, config, progress);
    }

    /**
     * @param controls rows (among {@code rows}) to run once more as control rows, base against base
     */
    public Engine(List<Row> rows, List<Row> controls, ForkRunner runner, LongSupplier clock, Config config,
                  Consumer<String> progress) {
        this.rows = List.copyOf(rows);
        this.controls = List.copyOf(controls);
        this.runner = runner;
        this.clock = clock;
        this.config = config;
        this.progress = progress;
    }

    private final class State {
        final Row row;
        final boolean control;
        /** Among the real rows, or among the control rows: for file names. */
        final int index;
        final List<Double> pairs = new ArrayList<>();
        final List<OrderPlan.Order> orders = new ArrayList<>();
        final List<Fork> base = new ArrayList<>();
        final List<Fork> next = new ArrayList<>();
        ForkSettings settings;
        int target = PILOT;
        boolean outOfReach;
        boolean failed;
        String failure;
        Side onlyOn;
        String unit;

        State(Row row, boolean control, int index) {
            this.row = row;
            this.control = control;
            this.index = index;
            this.settings = ForkSettings.probe(row, config.explicit());
        }

        boolean needs() {
            return !failed && pairs.size() < target;
        }

        double[] values() {
            return pairs.stream().mapToDouble(Double::doubleValue).toArray();
        }

        Families.Member member() {
            return Families.Member.of(row, PairedStats.sample(values()), base, next);
        }

        /** What the last pair cost, in seconds: the pilot's second pair runs the calibrated settings. */
        double lastPairSeconds() {
            return (base.get(base.size() - 1).nanos() + next.get(next.size() - 1).nanos()) / 1e9;
        }

        Status status() {
            if (failed) {
                return onlyOn != null ? Status.ONE_SIDED : Status.FAILED;
            }
            if (outOfReach) {
                return Status.OUT_OF_REACH;
            }
            return pairs.size() < target ? Status.TRUNCATED : Status.DONE;
        }
    }

    public Result run() throws InterruptedException {
        List<State> states = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            states.add(new State(rows.get(i), false, i));
        }
        for (int i = 0; i < controls.size(); i++) {
            states.add(new State(controls.get(i), true, i));
        }
        OrderPlan order = new OrderPlan(config.seed());
        long start = clock.getAsLong();
        long budget = config.budget().toNanos();
        int round = 0;
        int plans = 0;
        int stages = config.steps().allocate() && config.steps().replan() ? 2 : 1;
        while (true) {
            long remaining = budget - (clock.getAsLong() - start);
            while (plans < stages && states.stream().noneMatch(State::needs)) {
                plans++;
                plan(states, remaining, plans < stages);
            }
            boolean planned = plans > 0;
            List<Integer> indices = new ArrayList<>();
            for (int i = 0; i < states.size(); i++) {
                if (states.get(i).needs()) {
                    indices.add(i);
                }
            }
            if (remaining <= 0 || indices.isEmpty()) {
                break;
            }
            round++;
            int ran = 0;
            for (OrderPlan.Slot slot : order.round(indices)) {
                State s = states.get(slot.row());
                long left = budget - (clock.getAsLong() - start);
                if (left <= 0 || (!s.pairs.isEmpty() && (long) (s.lastPairSeconds() * 1e9) > left)) {
                    continue;
                }
                if (pair(s, slot.order(), round, left)) {
                    order.ran(slot);
                }
                ran++;
            }
            progress.accept(progressLine(round, planned, states, budget - (clock.getAsLong() - start)));
            if (ran == 0) {
                break;
            }
        }
        List<RowOutcome> out = states.stream().map(s -> new RowOutcome(s.row, s.values(), List.copyOf(s.orders),
                List.copyOf(s.base), List.copyOf(s.next), s.target, s.status(), s.failure, s.unit, s.onlyOn)).toList();
        return new Result(out.subList(0, rows.size()), out.subList(rows.size(), out.size()), round,
                clock.getAsLong() - start, config.steps(), chosen);
    }

    /**
     * A planning step: every row's target, from its pairs' spreads and costs so far. The first plan,
     * made on the pilot, only brings the rows in reach to their fewest pairs when a second follows.
     */
    private void plan(List<State> states, long remainingNanos, boolean first) {
        Families families = config.steps().moderate()
                ? Families.of(states.stream().filter(s -> !s.control && !s.failed && s.pairs.size() >= PILOT)
                        .map(State::member).toList())
                : Families.none();
        List<Planner.Input> inputs = new ArrayList<>();
        for (State s : states) {
            int twin = s.control ? rows.indexOf(s.row) : -1;
            if (s.failed || s.pairs.size() < PILOT) {
                inputs.add(new Planner.Input(s.row, s.values(), Double.NaN, 0, Double.MAX_VALUE, twin, Moderation.Prior.NONE));
                continue;
            }
            Families.Member m = s.member();
            inputs.add(new Planner.Input(s.row, s.values(), m.variance(), m.df(), s.lastPairSeconds(), twin,
                    families.planned(m)));
        }
        Planner.Plan plan = Planner.plan(inputs, Math.max(0, remainingNanos) / 1e9, new Planner.Settings(config.alpha(),
                config.minEffect(), config.detect(), config.steps().allocate()));
        for (int i = 0; i < states.size(); i++) {
            State s = states.get(i);
            s.target = plan.targets()[i];
            s.outOfReach = plan.outOfReach()[i];
            if (first && !s.control && plan.fewest() != null) {
                Planner.Input in = inputs.get(i);
                int fewest = in.prior().df() == 0 ? plan.fewest().alone() : plan.fewest().family();
                s.target = Math.min(s.target, Math.max(s.pairs.size(), fewest));
            }
        }
        for (State s : states) {
            if (s.control) {
                State twin = states.get(rows.indexOf(s.row));
                s.target = Math.max(s.pairs.size(), twin.target);
            }
        }
        List<Row> alone = new ArrayList<>();
        for (Planner.Input in : inputs) {
            if (!in.control() && in.pairs().length >= PILOT && !Double.isNaN(in.variance()) && in.prior().df() == 0) {
                alone.add(in.row());
            }
        }
        Planner.Fewest fewest = plan.fewest();
        int plans = first ? 1 : chosen.plans() + 1;
        chosen = fewest == null ? new Chosen(0, 0, false, alone, plans)
                : new Chosen(fewest.family(), fewest.alone(), fewest.equals(Planner.TRIMMED), alone, plans);
        progress.accept(planLine(states, first));
    }

    /** Runs one pair; returns whether both forks ran. */
    private boolean pair(State s, OrderPlan.Order order, int round, long left) throws InterruptedException {
        long timeout = left + Duration.ofMinutes(1).toNanos();
        Fork first = runner.run(jar(s, order.first()), s.row, s.settings, tag(round, s, order.first()), timeout);
        // A row that fails at its very start may run on the other side alone: that side's fork tells.
        boolean start = s.pairs.isEmpty() && !s.control;
        if (!first.ok() && !start) {
            fail(s, jar(s, order.first()), first.failure());
            return false;
        }
        Fork second = runner.run(jar(s, order.second()), s.row, s.settings, tag(round, s, order.second()), timeout);
        if (!first.ok() || !second.ok()) {
            Side failed = first.ok() ? order.second() : order.first();
            fail(s, failed, (first.ok() ? second : first).failure());
            if (start && (first.ok() || second.ok())) {
                s.onlyOn = failed == Side.BASE ? Side.NEW : Side.BASE;
                // Kept, so that the side it runs on has the row in its results file.
                (s.onlyOn == Side.BASE ? s.base : s.next).add(first.ok() ? first : second);
            }
            return false;
        }
        Fork b = order.first() == Side.BASE ? first : second;
        Fork n = order.first() == Side.BASE ? second : first;
        if (!(b.value() > 0 && n.value() > 0 && Double.isFinite(b.value()) && Double.isFinite(n.value()))) {
            fail(s, null, "a score that is not positive and finite (base " + b.value() + ", new " + n.value() + ")");
            return false;
        }
        double logRatio = Math.log(n.value() / b.value());
        s.pairs.add(s.row.mode().higherIsBetter() ? -logRatio : logRatio);
        s.orders.add(order);
        s.base.add(b);
        s.next.add(n);
        s.unit = n.unit();
        if (s.pairs.size() == 1) {
            s.settings = ForkSettings.calibrated(s.row, (b.callSeconds() + n.callSeconds()) / 2,
                    Families.callSpread(List.of(b), List.of(n)),
                    config.explicit());
        }
        return true;
    }

    private static void fail(State s, Side side, String why) {
        s.failed = true;
        s.failure = (side == null ? "" : "failed on " + side.label() + ": ") + why;
    }

    /** The jar that plays a side's part: a control row's stand-in for new is the base jar. */
    private static Side jar(State s, Side role) {
        return s.control ? Side.BASE : role;
    }

    /** E.g. {@code r3-17-new}, or {@code r3-c2-control} for a control row's second base fork. */
    private static String tag(int round, State s, Side role) {
        return "r" + round + "-" + (s.control ? "c" : "") + s.index + "-"
                + (s.control && role == Side.NEW ? "control" : role.label());
    }

    /**
     * E.g. {@code ab: plan: 52 of 64 rows get 410 more pairs (about 9m40s), 12 out of reach}; the first of
     * two plans says {@code ab: first plan (the fewest pairs): ...}.
     */
    private static String planLine(List<State> all, boolean first) {
        List<State> real = all.stream().filter(s -> !s.control).toList();
        double seconds = all.stream().filter(s -> !s.failed && s.target > s.pairs.size())
                .mapToDouble(s -> (s.target - s.pairs.size()) * s.lastPairSeconds()).sum();
        int more = real.stream().mapToInt(s -> Math.max(0, s.target - s.pairs.size())).sum();
        long rowsMore = real.stream().filter(s -> s.target > s.pairs.size()).count();
        long out = real.stream().filter(s -> s.outOfReach).count();
        return String.format(Locale.ROOT, "ab: %s: %d of %d rows get %d more pairs (about %s)%s",
                first ? "first plan (the fewest pairs)" : "plan", rowsMore, real.size(),
                more, Durations.format((long) (seconds * 1e9)), out == 0 ? "" : ", " + out + " out of reach");
    }

    private static String progressLine(int round, boolean planned, List<State> all, long leftNanos) {
        List<State> states = all.stream().filter(s -> !s.control).toList();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "ab: round %d (%s): ", round,
                planned ? "plan" : "pilot"));
        long done = states.stream().filter(s -> !s.needs()).count();
        sb.append(done).append(" of ").append(states.size()).append(" rows done");
        long failed = states.stream().filter(s -> s.failed).count();
        if (failed > 0) {
            sb.append(", ").append(failed).append(" failed");
        }
        long controls = all.size() - states.size();
        if (controls > 0) {
            long controlsDone = all.stream().filter(s -> s.control && !s.needs()).count();
            sb.append(", ").append(controlsDone).append(" of ").append(controls).append(" control rows done");
        }
        return sb.append(", ").append(Durations.format(Math.max(0, leftNanos))).append(" left").toString();
    }
}
