package dev.concurrencybench.ab;

import dev.concurrencybench.compare.PairedStats;
import dev.concurrencybench.compare.Stats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * The rounds of an {@code ab} run. A round runs one pair (a base fork and a new fork, back to back,
 * in the order {@link OrderPlan} gives) for each row it picks, the rows shuffled. After each round
 * every row with two pairs or more is looked at:
 *
 * <ul>
 *   <li><b>decided</b> once its minimum detectable effect (at the family's Bonferroni level) is at
 *       most the minimum effect: it is then measured precisely enough for its verdict, and gets no
 *       more pairs;</li>
 *   <li><b>out of reach</b> when even an optimistic reading of its noise (the lower end of a 90%
 *       interval on its spread) needs more pairs than the remaining budget can pay for;</li>
 *   <li>otherwise it stays in the next round. When the next round does not fit the remaining
 *       budget, the rows with the widest intervals (largest minimum detectable effect) go first.</li>
 * </ul>
 *
 * <p>These looks use only the spread of each row's pairs, never the sign or size of its change,
 * and the verdicts are made once, at the end, by {@code AbReport}. That keeps the repeated looks
 * from inflating false alarms: a row is not stopped because it happens to look changed (or not).
 * Rounds go on until no row needs more pairs or the budget is spent.
 *
 * <p><b>Control rows</b> ({@code ab --control}) are copies of real rows whose pairs run the base jar
 * twice, the second base fork in the new fork's place. They go through everything a real row does
 * (the shuffled rounds, AB/BA blocks, sizing, looks at the real family's level, the budget), so
 * what the report finds in them is what an unchanged row meets in this very run.
 */
public final class Engine {

    /**
     * @param budget     wall-clock time the pairs may take
     * @param alpha      the family-wise level of the final Holm step
     * @param minEffect  the smallest change that counts, as a fraction
     * @param seed       for the order of rows and forks
     * @param explicit   {@code -wi/-i/-w/-r} given on the command line, if any
     */
    public record Config(Duration budget, double alpha, double minEffect, long seed, Map<String, String> explicit) {
    }

    /** Where a row stands. */
    public enum Status {
        /** Still needs pairs. */
        ACTIVE,
        /** Its minimum detectable effect reached the minimum effect. */
        DECIDED,
        /** Cannot get there within the budget. */
        OUT_OF_REACH,
        /** A fork failed on one side; the row is no longer run. */
        FAILED
    }

    /**
     * One row at the end of a run.
     *
     * @param pairs   ln(new / base) per pair, time-like (throughput inverted, so above 0 is slower)
     * @param base    the base forks, in the order run
     * @param next    the new forks
     * @param failure why the row stopped, for {@link Status#FAILED}
     */
    public record RowOutcome(Row row, double[] pairs, List<OrderPlan.Order> orders, List<Fork> base, List<Fork> next,
                             Status status, String failure, String unit) {
    }

    /**
     * The run: every row, how many rounds, how long.
     *
     * @param controls the control rows, whose {@code next} forks are the base jar's too
     */
    public record Result(List<RowOutcome> rows, List<RowOutcome> controls, int rounds, long elapsedNanos) {

        public Result {
            rows = List.copyOf(rows);
            controls = List.copyOf(controls);
        }

        /** A run without control rows. */
        public Result(List<RowOutcome> rows, int rounds, long elapsedNanos) {
            this(rows, List.of(), rounds, elapsedNanos);
        }
    }

    /** Prediction for a row's first pair, before anything is known. */
    private static final long FIRST_PAIR_NANOS = Duration.ofSeconds(6).toNanos();
    private static final int MAX_PAIRS = 100_000;

    private final List<Row> rows;
    private final List<Row> controls;
    private final ForkRunner runner;
    private final LongSupplier clock;
    private final Config config;
    private final Consumer<String> progress;

    /**
     * @param clock     nanoseconds, e.g. {@code System::nanoTime}; a simulation passes its own
     * @param progress  receives one line per round
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
        Status status = Status.ACTIVE;
        String failure;
        String unit;
        long pairNanos;
        double mde = Double.NaN;

        State(Row row, boolean control, int index) {
            this.row = row;
            this.control = control;
            this.index = index;
            this.settings = ForkSettings.probe(row, config.explicit());
        }

        long predictedPairNanos() {
            return pairs.isEmpty() ? FIRST_PAIR_NANOS : pairNanos / pairs.size();
        }

        double[] values() {
            return pairs.stream().mapToDouble(Double::doubleValue).toArray();
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
        OrderPlan plan = new OrderPlan(config.seed());
        long start = clock.getAsLong();
        long budget = config.budget().toNanos();
        int round = 0;
        while (true) {
            long remaining = budget - (clock.getAsLong() - start);
            if (remaining <= 0) {
                break;
            }
            List<State> chosen = choose(states, remaining);
            if (chosen.isEmpty()) {
                break;
            }
            round++;
            List<Integer> indices = chosen.stream().map(states::indexOf).toList();
            int ran = 0;
            for (OrderPlan.Slot slot : plan.round(indices)) {
                State s = states.get(slot.row());
                long left = budget - (clock.getAsLong() - start);
                if (left <= 0 || (!s.pairs.isEmpty() && s.predictedPairNanos() > left)) {
                    continue;
                }
                if (pair(s, slot.order(), round, left)) {
                    plan.ran(slot);
                }
                ran++;
            }
            long left = budget - (clock.getAsLong() - start);
            states.forEach(s -> look(s, left));
            progress.accept(progressLine(round, states, left));
            if (ran == 0) {
                break;
            }
        }
        List<RowOutcome> out = states.stream().map(s -> new RowOutcome(s.row, s.values(), List.copyOf(s.orders),
                List.copyOf(s.base), List.copyOf(s.next), s.status, s.failure, s.unit)).toList();
        return new Result(out.subList(0, rows.size()), out.subList(rows.size(), out.size()), round,
                clock.getAsLong() - start);
    }

    /** Decided, out of reach, or still active: from the spread of the pairs and of the calls only. */
    private void look(State s, long remaining) {
        if (s.status != Status.ACTIVE || s.pairs.isEmpty()) {
            return;
        }
        int n = s.pairs.size();
        double familyAlpha = config.alpha() / rows.size();
        double optimistic = withinForkSpread(s);
        int atLeast = 2;
        if (n >= 2) {
            double[] d = s.values();
            PairedStats.Summary summary = PairedStats.summarise(d, 1 - config.alpha());
            s.mde = summary.mde(familyAlpha);
            if (s.mde <= config.minEffect()) {
                s.status = Status.DECIDED;
                return;
            }
            // The projection reads the spread robustly: a pair hit by a host burst is cut off by
            // the trim once there are enough pairs, so it should not make the row look hopeless.
            double spread = n >= 3 ? robustSpread(d) : summary.se() * Math.sqrt(n);
            optimistic = Math.max(optimistic, spread * lowerEnd(n - 1));
            if (n >= 3 && hasOutlier(d)) {
                atLeast = PairedStats.FIRST_TRIMMED;
            }
        }
        long affordable = n + remaining / Math.max(1, s.predictedPairNanos());
        int needed = Math.max(atLeast, PairedStats.pairsFor(optimistic, familyAlpha, config.minEffect(),
                (int) Math.min(MAX_PAIRS, affordable)));
        if (needed > affordable) {
            s.status = Status.OUT_OF_REACH;
        }
    }

    /** 1.4826 times the median absolute deviation from the median: the standard deviation for normal pairs. */
    static double robustSpread(double[] d) {
        double median = median(d);
        return 1.4826 * median(java.util.Arrays.stream(d).map(x -> Math.abs(x - median)).toArray());
    }

    /** Whether a pair lies more than four robust spreads from the median. */
    static boolean hasOutlier(double[] d) {
        double median = median(d);
        double spread = robustSpread(d);
        return java.util.Arrays.stream(d).anyMatch(x -> Math.abs(x - median) > 4 * spread);
    }

    private static double median(double[] xs) {
        double[] sorted = xs.clone();
        java.util.Arrays.sort(sorted);
        return Stats.quantile(sorted, 0.5);
    }

    /**
     * A floor under the spread of a pair's log ratio from the calls inside the forks alone: a fork's
     * mean cannot vary less than its calls' spread over their count allows (forks add their own
     * spread on top). Taken at the lower end of its 90% interval, so it errs towards hope; from the
     * first pair on, it lets a row whose single calls vary by tens of percent drop out at once.
     */
    private static double withinForkSpread(State s) {
        double variance = 0;
        int df = 0;
        for (List<Fork> side : List.of(s.base, s.next)) {
            for (Fork f : side) {
                double[] logs = java.util.Arrays.stream(f.measurements()).map(Math::log).toArray();
                if (logs.length >= 2) {
                    variance += Stats.variance(logs) / logs.length / side.size();
                    df += logs.length - 1;
                }
            }
        }
        return df == 0 ? 0 : Math.sqrt(variance) * lowerEnd(df);
    }

    /** The factor to the lower end of a one-sided 95% bound of a standard deviation with df degrees of freedom. */
    private static double lowerEnd(int df) {
        return Math.sqrt(df / ChiSquaredDistribution.of(df).inverseSurvivalProbability(0.05));
    }

    /**
     * The rows of the next round: every active row when they fit the remaining budget; else rows
     * without two pairs yet, then the widest, as many as fit.
     */
    private List<State> choose(List<State> states, long remaining) {
        List<State> active = states.stream().filter(s -> s.status == Status.ACTIVE).toList();
        long cost = active.stream().mapToLong(State::predictedPairNanos).sum();
        if (cost <= remaining) {
            return active;
        }
        List<State> ranked = new ArrayList<>(active);
        ranked.sort(Comparator.comparing((State s) -> s.pairs.size() >= 2)
                .thenComparing(s -> -(Double.isNaN(s.mde) ? Double.MAX_VALUE : s.mde)));
        List<State> chosen = new ArrayList<>();
        long sum = 0;
        for (State s : ranked) {
            if (sum + s.predictedPairNanos() <= remaining) {
                chosen.add(s);
                sum += s.predictedPairNanos();
            }
        }
        return chosen;
    }

    /** Runs one pair; returns whether both forks ran. */
    private boolean pair(State s, OrderPlan.Order order, int round, long left) throws InterruptedException {
        long timeout = left + Duration.ofMinutes(1).toNanos();
        Fork first = runner.run(jar(s, order.first()), s.row, s.settings, tag(round, s, order.first()), timeout);
        if (!first.ok()) {
            fail(s, jar(s, order.first()), first.failure());
            return false;
        }
        Fork second = runner.run(jar(s, order.second()), s.row, s.settings, tag(round, s, order.second()), timeout);
        if (!second.ok()) {
            fail(s, jar(s, order.second()), second.failure());
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
        s.pairNanos += first.nanos() + second.nanos();
        if (s.pairs.size() == 1) {
            s.settings = ForkSettings.calibrated(s.row, (b.callSeconds() + n.callSeconds()) / 2, callSpread(b, n),
                    config.explicit());
        }
        return true;
    }

    /** The standard deviation of the log calls within a fork, pooled over forks; NaN without two calls in one. */
    private static double callSpread(Fork... forks) {
        double ss = 0;
        int df = 0;
        for (Fork f : forks) {
            double[] logs = java.util.Arrays.stream(f.measurements()).map(Math::log).toArray();
            if (logs.length >= 2) {
                ss += Stats.variance(logs) * (logs.length - 1);
                df += logs.length - 1;
            }
        }
        return df == 0 ? Double.NaN : Math.sqrt(ss / df);
    }

    private static void fail(State s, Side side, String why) {
        s.status = Status.FAILED;
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

    private static String progressLine(int round, List<State> all, long leftNanos) {
        List<State> states = all.stream().filter(s -> !s.control).toList();
        long decided = states.stream().filter(s -> s.status == Status.DECIDED).count();
        long out = states.stream().filter(s -> s.status == Status.OUT_OF_REACH).count();
        long failed = states.stream().filter(s -> s.status == Status.FAILED).count();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "ab: round %d: %d of %d rows decided", round,
                decided, states.size()));
        if (out > 0) {
            sb.append(", ").append(out).append(" out of reach");
        }
        if (failed > 0) {
            sb.append(", ").append(failed).append(" failed");
        }
        long controls = all.size() - states.size();
        if (controls > 0) {
            long done = all.stream().filter(s -> s.control && s.status != Status.ACTIVE).count();
            sb.append(", ").append(done).append(" of ").append(controls).append(" control rows done");
        }
        return sb.append(", ").append(Durations.format(Math.max(0, leftNanos))).append(" left").toString();
    }
}
