package dev.concurrencybench.ab;

import dev.concurrencybench.compare.Moderation;
import dev.concurrencybench.compare.PairedStats;
import dev.concurrencybench.compare.Stats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which prior each row's variance is moderated with. Rows that share a noise source form a family,
 * and {@link Moderation} lends each of them the degrees of freedom of the others. Moderation assumes
 * that the rows' true variances scatter like its prior: a row noisier than the rest of its family
 * would borrow a spread it does not have and be flagged by chance, and in the far tail that Holm
 * uses even a row 1.5 times as variable is flagged several times as often as it should be. So:
 *
 * <ul>
 *   <li><b>A family</b> is the rows of one benchmark method and mode ({@link Row#family()}) whose
 *       calls vary alike: sorted by the spread of their calls within a fork (known on many degrees
 *       of freedom even from the pilot), the rows are split wherever one spread is more than
 *       {@link #SPLIT} times the one before. A fork per task among pools, the worker JVMs among
 *       threads: their calls give them away.</li>
 *   <li>Each row's prior is estimated from the <i>other</i> rows of its family, so that a noisy row
 *       cannot hide by widening the prior it is judged by, and the prior is independent of the row
 *       it moderates.</li>
 *   <li>A row is moderated only when its own evidence fits that prior ({@link #fits}): its pairs'
 *       variance, and the floor its calls put under a pair's variance: a fork's mean varies at least
 *       by its calls' variance over their number, {@code 2 sigma_w² mean(1/i)}. Nor does its
 *       moderated variance ever fall below that floor.</li>
 * </ul>
 *
 * <p>(The spread of a side's forks is no such evidence: a row's pairs are minutes apart in a
 * whole-suite run, and the machine's drift between them would make quiet rows look noisy.)
 */
final class Families {

    /** A row is left unmoderated when its pairs' variance is in this upper tail under its prior. */
    static final double OUTLIER = 0.05;
    /**
     * The same for the floor its calls put under a pair's variance. The floor is a lower bound, so a
     * row like its family lands in this tail less often than this: a lenient level catches a row a
     * few times noisier than its family without leaving many others unmoderated.
     */
    static final double FLOOR_OUTLIER = 0.25;
    /**
     * A row is planned alone when the floor its calls put under a pair's variance is in this upper
     * tail under the variance its family shares: far enough that the row will not fit its family at
     * the test either, and the family's CPU-bound rows, whose spiky calls put their floor near their
     * pairs' variance, stay planned with their family (at the test's {@link #FLOOR_OUTLIER} instead,
     * a simulated cpu shard flagged +9% fib work in 84.8% of rows, not 87.2%).
     */
    static final double APART = 0.001;
    /** Rows of one benchmark and mode are split into families where their calls' spreads jump by more than this. */
    static final double SPLIT = 2;
    /**
     * The fewest pairs a row is moderated with. With the pilot's two pairs a row has one degree of
     * freedom of its own, and no test on one can tell a row fifty times as variable as its family
     * from one like it; with three, a row that noisy stands out nine times in ten.
     */
    static final int MIN_PAIRS = 3;

    /**
     * A row, as far as moderation is concerned.
     *
     * @param variance its variance per pair ({@link PairedStats.Sample#variance})
     * @param df       the degrees of freedom of that variance
     */
    record Member(Row row, double variance, double df, List<Fork> base, List<Fork> next) {

        /** A row with its pairs' variance. */
        static Member of(Row row, PairedStats.Sample sample, List<Fork> base, List<Fork> next) {
            return new Member(row, sample.variance(), sample.df(), base, next);
        }

        double callSpread() {
            return Families.callSpread(base, next);
        }
    }

    /**
     * One family.
     *
     * @param name    its benchmark and mode, and the range of its calls' spread when that was split
     * @param members the rows that lend to its prior (some degrees of freedom, a call spread)
     */
    record Family(String name, List<Member> members) {

        /** The prior of all its rows, for the notes. */
        Moderation.Prior prior() {
            return estimate(members);
        }

        /** The prior a row is tested with: the other rows', or none when its own spreads do not fit it. */
        Moderation.Prior of(Member m) {
            if (m.df() + 1 < MIN_PAIRS) {
                return Moderation.Prior.NONE;
            }
            Moderation.Prior others = estimate(others(m));
            return others.df() > 0 && fits(m, others) ? others : Moderation.Prior.NONE;
        }

        /**
         * The prior a row is planned with: the variance the other rows share ({@link Moderation#shared}).
         * Two pilot pairs per row cannot tell real differences between the rows of a family from
         * the scatter that non-normal noise (two fork levels, spikes) gives their variances, so the
         * plan takes the family as one; a row that turns out noisier than planned is tested on its
         * own and reads inconclusive, which costs power, never a false alarm.
         */
        Moderation.Prior shared(Member m) {
            List<Member> others = others(m);
            return Moderation.shared(others.stream().mapToDouble(Member::variance).toArray(),
                    others.stream().mapToDouble(Member::df).toArray());
        }

        private List<Member> others(Member m) {
            return members.stream().filter(x -> !x.row().equals(m.row()) || x.base() != m.base()).toList();
        }

        private boolean covers(double spread) {
            double lo = members.stream().mapToDouble(Member::callSpread).min().orElse(Double.NaN);
            double hi = members.stream().mapToDouble(Member::callSpread).max().orElse(Double.NaN);
            return spread >= lo / SPLIT && spread <= hi * SPLIT;
        }
    }

    private final List<Family> families;

    private Families(List<Family> families) {
        this.families = families;
    }

    /** The families of the rows that lend to priors: real rows with some degrees of freedom. */
    static Families of(List<Member> lenders) {
        Map<String, List<Member>> byBenchmark = new LinkedHashMap<>();
        for (Member m : lenders) {
            if (m.df() > 0 && !Double.isNaN(m.callSpread())) {
                byBenchmark.computeIfAbsent(m.row().family(), f -> new ArrayList<>()).add(m);
            }
        }
        List<Family> out = new ArrayList<>();
        byBenchmark.forEach((name, members) -> {
            List<Member> sorted = new ArrayList<>(members);
            sorted.sort(Comparator.comparingDouble(Member::callSpread));
            List<List<Member>> groups = new ArrayList<>();
            for (Member m : sorted) {
                List<Member> last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
                if (last == null || m.callSpread() > SPLIT * last.get(last.size() - 1).callSpread()) {
                    groups.add(new ArrayList<>(List.of(m)));
                } else {
                    last.add(m);
                }
            }
            for (List<Member> g : groups) {
                String label = groups.size() == 1 ? name : String.format(Locale.ROOT, "%s, calls %.1f-%.1f%%", name,
                        100 * g.get(0).callSpread(), 100 * g.get(g.size() - 1).callSpread());
                out.add(new Family(label, List.copyOf(g)));
            }
        });
        return new Families(out);
    }

    /** No families: every row stands on its own (moderation off). */
    static Families none() {
        return new Families(List.of());
    }

    /** Each family's name and the prior of all its rows, where it has one. */
    Map<String, Moderation.Prior> priors() {
        Map<String, Moderation.Prior> out = new LinkedHashMap<>();
        families.forEach(f -> out.put(f.name(), f.prior()));
        return out;
    }

    /** Each family's name and its rows. */
    Map<String, Integer> sizes() {
        Map<String, Integer> out = new LinkedHashMap<>();
        families.forEach(f -> out.put(f.name(), f.members().size()));
        return out;
    }

    /**
     * A row's family: the one it lends to, or for a row that lends to none (a control row), the
     * family of its benchmark and mode whose calls' spreads are within {@link #SPLIT} of its own.
     */
    private Family find(Member m) {
        for (Family f : families) {
            if (f.members().stream().anyMatch(x -> x.row().equals(m.row()) && x.base() == m.base())) {
                return f;
            }
        }
        double spread = m.callSpread();
        for (Family f : families) {
            if (f.members().get(0).row().family().equals(m.row().family()) && f.covers(spread)) {
                return f;
            }
        }
        return null;
    }

    /** The prior a row is tested with (none for a row without a family). */
    Moderation.Prior prior(Member m) {
        Family f = find(m);
        return f == null ? Moderation.Prior.NONE : f.of(m);
    }

    /**
     * The prior a row is planned with: none for a row without a family, nor for a row whose calls
     * alone put a pair's variance above what its family's prior admits. Such a row will not fit its
     * family at the test either, so it is planned as what it will be, a row alone: a fork that
     * starts ten JVMs a call varies from fork to fork far more than its calls' spread shows, and
     * planned with the quiet rows it joined by that spread, the process-per-task sleep row was
     * given too few pairs and read an MDE of 5.7% (real io-shard A/A, results/gate-aa9).
     */
    Moderation.Prior planned(Member m) {
        Family f = find(m);
        if (f == null) {
            return Moderation.Prior.NONE;
        }
        Moderation.Prior shared = f.shared(m);
        double[] floor = callFloor(m.base(), m.next());
        return shared.admits(floor[0], floor[1], APART) ? shared : Moderation.Prior.NONE;
    }

    /** A row's test: its trimmed mean over its moderated standard error, the variance never below its calls' floor. */
    PairedStats.Summary test(Member m, PairedStats.Sample sample, double level) {
        Moderation.Prior prior = prior(m);
        double floor = prior.df() > 0 ? callFloor(m.base(), m.next())[0] : 0;
        return PairedStats.test(sample, prior, floor, level);
    }

    private static Moderation.Prior estimate(List<Member> members) {
        return Moderation.estimate(members.stream().mapToDouble(Member::variance).toArray(),
                members.stream().mapToDouble(Member::df).toArray());
    }

    /** Whether a row's pairs and the floor its calls put under a pair's variance both fit a prior. */
    static boolean fits(Member m, Moderation.Prior prior) {
        double[] floor = callFloor(m.base(), m.next());
        return prior.admits(m.variance(), m.df(), OUTLIER) && prior.admits(floor[0], floor[1], FLOOR_OUTLIER);
    }

    /** The standard deviation of the log calls within a fork, pooled over forks; NaN without a fork of two calls. */
    static double callSpread(List<Fork> base, List<Fork> next) {
        double[] within = within(base, next);
        return within[1] == 0 ? Double.NaN : Math.sqrt(within[0]);
    }

    /**
     * The floor the calls put under a pair's variance, {@code 2 sigma_w² mean(1/i)}, and its degrees
     * of freedom (those of the pooled within-fork variance of the log calls); {0, 0} without a fork
     * of two calls.
     */
    static double[] callFloor(List<Fork> base, List<Fork> next) {
        double[] within = within(base, next);
        if (within[1] == 0) {
            return new double[] {0, 0};
        }
        double inverse = java.util.stream.Stream.concat(base.stream(), next.stream())
                .mapToDouble(f -> 1.0 / f.measurements().length).average().orElse(0);
        return new double[] {2 * within[0] * inverse, within[1]};
    }

    /** The pooled variance of the log calls within forks, and its degrees of freedom. */
    private static double[] within(List<Fork> base, List<Fork> next) {
        double ss = 0;
        int df = 0;
        for (List<Fork> side : List.of(base, next)) {
            for (Fork f : side) {
                double[] logs = java.util.Arrays.stream(f.measurements()).map(Math::log).toArray();
                if (logs.length >= 2) {
                    ss += Stats.variance(logs) * (logs.length - 1);
                    df += logs.length - 1;
                }
            }
        }
        return new double[] {df == 0 ? 0 : ss / df, df};
    }
}
