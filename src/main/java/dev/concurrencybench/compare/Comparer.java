package dev.concurrencybench.compare;

import dev.concurrencybench.compare.RowComparison.Geomean;
import dev.concurrencybench.compare.RowComparison.Side;
import dev.concurrencybench.machine.CoreCheck;
import dev.concurrencybench.results.BenchmarkResult;
import dev.concurrencybench.results.BenchmarkResult.RowKey;
import dev.concurrencybench.results.Environment;
import dev.concurrencybench.results.Metric;
import dev.concurrencybench.results.ResultsException;
import dev.concurrencybench.results.ResultsFile;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Compares two sets of JMH results. Rows are matched on benchmark, mode and every param value;
 * several files per side are merged fork by fork, so more runs mean more forks. Throws
 * {@link ResultsException} (one line) when the inputs cannot be compared: mixed units or modes for
 * one row.
 */
public final class Comparer {

    /** How every environment difference's warning starts; {@code --fail-on-env-diff} fails on these. */
    public static final String ENVIRONMENT_DIFFERS = "environment differs: ";

    private final CompareOptions options;

    public Comparer(CompareOptions options) {
        this.options = options;
    }

    /** Merged measurements of one metric of one row on one side. */
    private record Pool(String unit, List<double[]> forks, double score, double error, int files) {
    }

    public Comparison compare(List<ResultsFile> base, List<ResultsFile> next) {
        Map<RowKey, Map<MetricKey, Pool>> b = pools(base, "base");
        Map<RowKey, Map<MetricKey, Pool>> n = pools(next, "new");
        checkModes(b, n);

        // Rows are independent and each has its own seed, so they can be computed in parallel with the same output.
        List<Supplier<RowComparison>> primaryTasks = new ArrayList<>();
        List<Supplier<RowComparison>> secondaryTasks = new ArrayList<>();
        Map<RowKey, double[]> bootstraps = new ConcurrentHashMap<>();
        Set<RowKey> keys = new LinkedHashSet<>(b.keySet());
        keys.addAll(n.keySet());
        for (RowKey key : keys) {
            Map<MetricKey, Pool> bm = b.get(key);
            Map<MetricKey, Pool> nm = n.get(key);
            if (bm != null && nm != null) {
                Pool bp = bm.get(MetricKey.PRIMARY);
                Pool np = nm.get(MetricKey.PRIMARY);
                if (!Objects.equals(bp.unit, np.unit)) {
                    throw new ResultsException("mixed units for " + key.display() + ": base " + bp.unit + ", new " + np.unit);
                }
                primaryTasks.add(() -> matched(key, MetricKey.PRIMARY, bp, np, key.mode().higherIsBetter(), bootstraps));
                if (options.secondary()) {
                    for (Map.Entry<MetricKey, Pool> e : bm.entrySet()) {
                        Pool other = nm.get(e.getKey());
                        if (!e.getKey().primary() && other != null && Objects.equals(e.getValue().unit, other.unit)) {
                            Boolean dir = Metric.higherIsBetter(e.getKey().name(), e.getValue().unit);
                            secondaryTasks.add(() -> matched(key, e.getKey(), e.getValue(), other, dir, null));
                        }
                    }
                }
            } else if (bm != null) {
                primaryTasks.add(() -> oneSided(key, bm.get(MetricKey.PRIMARY), true));
            } else {
                primaryTasks.add(() -> oneSided(key, nm.get(MetricKey.PRIMARY), false));
            }
        }
        List<RowComparison> primary = primaryTasks.parallelStream().map(Supplier::get).toList();
        List<RowComparison> secondary = secondaryTasks.parallelStream().map(Supplier::get).toList();
        primary = decide(primary);
        secondary = decide(secondary);

        Map<RowKey, List<RowComparison>> secondaryByKey = new LinkedHashMap<>();
        secondary.forEach(s -> secondaryByKey.computeIfAbsent(s.key(), k -> new ArrayList<>()).add(s));
        List<RowComparison> rows = new ArrayList<>();
        for (RowComparison r : primary) {
            rows.add(r);
            rows.addAll(secondaryByKey.getOrDefault(r.key(), List.of()));
        }
        List<String> warnings = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        environmentCheck(base, next, warnings, notes);
        return new Comparison(rows, geomean(primary, bootstraps), warnings, notes, options.design());
    }

    private Map<RowKey, Map<MetricKey, Pool>> pools(List<ResultsFile> files, String side) {
        Map<RowKey, Map<MetricKey, Pool>> out = new LinkedHashMap<>();
        for (ResultsFile file : files) {
            for (BenchmarkResult r : file.results()) {
                Map<MetricKey, Pool> metrics = out.computeIfAbsent(r.key(), k -> new LinkedHashMap<>());
                add(metrics, MetricKey.PRIMARY, r.primary(), r.key(), side);
                r.secondary().forEach((name, m) -> add(metrics, MetricKey.secondary(name), m, r.key(), side));
            }
        }
        return out;
    }

    private static void add(Map<MetricKey, Pool> metrics, MetricKey name, Metric m, RowKey key, String side) {
        List<double[]> forks = new ArrayList<>();
        for (int f = 0; f < m.forkCount(); f++) {
            double[] it = m.iterations(f);
            if (it.length > 0) {
                forks.add(it);
            }
        }
        Pool old = metrics.get(name);
        if (old == null) {
            metrics.put(name, new Pool(m.unit(), forks, m.score(), m.scoreError(), 1));
            return;
        }
        if (!Objects.equals(old.unit, m.unit())) {
            throw new ResultsException("mixed units for " + key.display() + (name.primary() ? "" : ":" + name.name())
                    + " in the " + side + " files: " + old.unit + " and " + m.unit());
        }
        List<double[]> merged = new ArrayList<>(old.forks);
        merged.addAll(forks);
        double[][] all = merged.toArray(double[][]::new);
        metrics.put(name, new Pool(old.unit, merged, Stats.grandMean(all), Stats.jmhError(flatten(all)), old.files + 1));
    }

    /** The same benchmark and params in different modes on the two sides cannot be compared. */
    private static void checkModes(Map<RowKey, Map<MetricKey, Pool>> b, Map<RowKey, Map<MetricKey, Pool>> n) {
        for (RowKey nk : n.keySet()) {
            if (b.containsKey(nk)) {
                continue;
            }
            for (RowKey bk : b.keySet()) {
                if (bk.benchmark().equals(nk.benchmark()) && bk.params().equals(nk.params()) && !n.containsKey(bk)) {
                    throw new ResultsException("mixed modes for " + nk.display().split(" ", 2)[0] + " " + nk.params()
                            + ": base " + bk.mode().label() + ", new " + nk.mode().label());
                }
            }
        }
    }

    private RowComparison oneSided(RowKey key, Pool p, boolean removed) {
        Side side = side(p);
        return new RowComparison(key, MetricKey.PRIMARY, p.unit, key.mode().higherIsBetter(), removed ? side : null,
                removed ? null : side, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                removed ? Verdict.REMOVED : Verdict.ADDED, removed ? "removed" : "added");
    }

    private static Side side(Pool p) {
        int iterations = p.forks.stream().mapToInt(f -> f.length).sum();
        return new Side(p.score, p.error, p.forks.size(), iterations);
    }

    /**
     * Statistics for a matched row; the verdict waits for Holm across the family ({@link #decide}).
     * One estimator serves the ratio, the interval, the test, the direction and the minimum effect:
     * the geometric one, ln(new / base) as the difference of the mean log fork means.
     */
    private RowComparison matched(RowKey key, MetricKey metric, Pool bp, Pool np, Boolean higherIsBetter,
                                  Map<RowKey, double[]> bootstraps) {
        double[][] b = bp.forks.toArray(double[][]::new);
        double[][] n = np.forks.toArray(double[][]::new);
        Side bs = side(bp);
        Side ns = side(np);
        if (b.length == 0 || n.length == 0) {
            return undecided(key, metric, bp.unit, higherIsBetter, bs, ns, Double.NaN, Double.NaN, Double.NaN,
                    Verdict.INCONCLUSIVE, "inconclusive: no raw data");
        }
        if (!allPositiveFinite(b) || !allPositiveFinite(n)) {
            double ratio = Stats.grandMean(n) / Stats.grandMean(b);
            boolean same = java.util.Arrays.deepEquals(b, n) || (allEqual(b) && allEqual(n) && ratio == 1);
            return undecided(key, metric, bp.unit, higherIsBetter, bs, ns, ratio, Double.NaN, Double.NaN,
                    same ? Verdict.NO_CHANGE : Verdict.INCONCLUSIVE,
                    same ? "no change" : "inconclusive: values not all positive and finite");
        }
        double ratio = Math.exp(Stats.meanLog(Stats.forkMeans(n)) - Stats.meanLog(Stats.forkMeans(b)));
        double[] logRatios = Stats.bootstrapLogRatios(b, n, options.replicates(), seed(key, metric));
        double[] scratch = logRatios.clone();
        double lo = Math.exp(Stats.quantileUnsorted(scratch, options.alpha() / 2));
        double hi = Math.exp(Stats.quantileUnsorted(scratch, 1 - options.alpha() / 2));
        int forks = Math.min(b.length, n.length);
        if (forks < options.minForks()) {
            return undecided(key, metric, bp.unit, higherIsBetter, bs, ns, ratio, lo, hi,
                    Verdict.INCONCLUSIVE, "inconclusive: " + forks + (forks == 1 ? " fork" : " forks"));
        }
        if (bootstraps != null) {
            bootstraps.put(key, logRatios);
        }
        double p = Stats.pValue(Stats.forkMeans(b), Stats.forkMeans(n));
        return new RowComparison(key, metric, bp.unit, higherIsBetter, bs, ns, ratio, lo, hi, p, Double.NaN, Double.NaN,
                null, null);
    }

    private static RowComparison undecided(RowKey key, MetricKey metric, String unit, Boolean higherIsBetter, Side bs,
                                           Side ns, double ratio, double lo, double hi, Verdict v, String text) {
        return new RowComparison(key, metric, unit, higherIsBetter, bs, ns, ratio, lo, hi, Double.NaN, Double.NaN,
                Double.NaN, v, text);
    }

    /**
     * A bootstrap seed per row and metric, from strings whose hash Java specifies, so the output is
     * the same in every JVM; and each row's interval stays independent of the other rows.
     */
    long seed(RowKey key, MetricKey metric) {
        String identity = key.benchmark() + '\u0000' + key.mode().label() + '\u0000' + key.params() + '\u0000'
                + (metric.primary() ? "" : metric.name());
        return options.seed() * 31 + identity.hashCode();
    }

    /** Holm–Bonferroni over the tested rows of one family, then each tested row's verdict. */
    private List<RowComparison> decide(List<RowComparison> family) {
        double[] p = family.stream().mapToDouble(r -> r.verdict() == null ? r.p() : Double.NaN).toArray();
        double[] adjusted = Stats.holm(p);
        List<RowComparison> out = new ArrayList<>(family.size());
        for (int i = 0; i < family.size(); i++) {
            RowComparison r = family.get(i);
            if (r.verdict() != null) {
                out.add(r);
                continue;
            }
            Decision.Outcome d = Decision.decide(Math.log(r.ratio()), Math.log(r.ciLow()), Math.log(r.ciHigh()),
                    adjusted[i] < options.alpha(), options.minEffect(), r.higherIsBetter());
            out.add(r.decided(adjusted[i], d.verdict(), d.text()));
        }
        return out;
    }

    private Geomean geomean(List<RowComparison> primary, Map<RowKey, double[]> bootstraps) {
        List<RowComparison> used = primary.stream().filter(r -> bootstraps.containsKey(r.key())).toList();
        if (used.isEmpty()) {
            return new Geomean(0, Double.NaN, Double.NaN, Double.NaN, "inconclusive: no conclusive rows");
        }
        double sum = 0;
        double[] replicates = new double[options.replicates()];
        for (RowComparison r : used) {
            double sign = r.key().mode().higherIsBetter() ? -1 : 1;
            sum += sign * Math.log(r.ratio());
            // Each row drew its replicates from its own generator, so replicate i of every row together is one
            // bootstrap replicate of the whole suite.
            double[] boot = bootstraps.get(r.key());
            for (int i = 0; i < replicates.length; i++) {
                replicates[i] += sign * boot[i];
            }
        }
        for (int i = 0; i < replicates.length; i++) {
            replicates[i] /= used.size();
        }
        double ratio = Math.exp(sum / used.size());
        double lo = Math.exp(Stats.quantileUnsorted(replicates, options.alpha() / 2));
        double hi = Math.exp(Stats.quantileUnsorted(replicates, 1 - options.alpha() / 2));
        return new Geomean(used.size(), ratio, lo, hi, geomeanText(lo, hi, options.minEffect()));
    }

    /** The geomean's words: a time ratio whose interval lies beyond, inside or across the minimum effect. */
    public static String geomeanText(double lo, double hi, double minEffect) {
        double threshold = Math.log1p(minEffect);
        if (Math.log(lo) >= threshold || Math.log(hi) <= -threshold) {
            return hi < 1 ? "faster overall" : "slower overall";
        }
        if (lo > 1 || hi < 1) {
            return (hi < 1 ? "faster" : "slower") + " overall, below " + percent(minEffect);
        }
        return "no overall change";
    }

    private static void environmentCheck(List<ResultsFile> base, List<ResultsFile> next, List<String> warnings,
                                         List<String> notes) {
        for (ResultsFile f : concat(base, next)) {
            if (f.environment().isEmpty()) {
                notes.add("no environment sidecar for " + f.path() + ": CPU, cores and memory not checked");
            }
        }
        Environment be = base.stream().flatMap(f -> f.environment().stream()).findFirst().orElse(null);
        Environment ne = next.stream().flatMap(f -> f.environment().stream()).findFirst().orElse(null);
        if (be != null && ne != null) {
            be.differencesFrom(ne).forEach(d -> warnings.add(ENVIRONMENT_DIFFERS + d));
        }
        // JMH itself records each fork's JDK and flags.
        BenchmarkResult.VmInfo bv = base.get(0).results().get(0).vm();
        BenchmarkResult.VmInfo nv = next.get(0).results().get(0).vm();
        if (!Objects.equals(bv.jdkVersion(), nv.jdkVersion()) || !Objects.equals(bv.vmName(), nv.vmName())) {
            warnings.add(ENVIRONMENT_DIFFERS + "benchmark JVM: '" + bv.vmName() + " " + bv.jdkVersion() + "' vs '"
                    + nv.vmName() + " " + nv.jdkVersion() + "'");
        }
        if (!bv.jvmArgs().equals(nv.jvmArgs())) {
            warnings.add(ENVIRONMENT_DIFFERS + "benchmark JVM flags: '" + String.join(" ", bv.jvmArgs()) + "' vs '"
                    + String.join(" ", nv.jvmArgs()) + "'");
        }
        compareCoreChecks(base, next, warnings, notes);
    }

    /**
     * The machine's core checks (docs/machine.md): a warning when their verdicts are not all the
     * same, whether the two sides differ (one {@code equal}, one {@code unequal}) or one run's check
     * before and after disagree. It is not an environment difference for {@code --fail-on-env-diff}:
     * a check is a 2-second measurement of a moment, not a setting, and on a shared machine the same
     * cores may read {@code equal} in one check and {@code unsteady} in the next.
     */
    static void compareCoreChecks(List<ResultsFile> base, List<ResultsFile> next, List<String> warnings, List<String> notes) {
        List<Environment> be = base.stream().flatMap(f -> f.environment().stream()).toList();
        List<Environment> ne = next.stream().flatMap(f -> f.environment().stream()).toList();
        String bs = coreChecks(be);
        String ns = coreChecks(ne);
        if (bs == null && ns == null) {
            return;
        }
        if (bs == null || ns == null) {
            notes.add("no core check in the " + (bs == null ? "base" : "new") + " sidecar (older, or skipped); the other"
                    + " side's: " + (bs == null ? ns : bs));
            return;
        }
        EnumSet<CoreCheck.Verdict> all = EnumSet.noneOf(CoreCheck.Verdict.class);
        concat(base, next).stream().flatMap(f -> f.environment().stream()).forEach(e -> all.addAll(e.coreCheckVerdicts()));
        if (all.size() > 1) {
            warnings.add("core checks differ: base " + bs + "; new " + ns + ": single-threaded rows may have moved with"
                    + " the cores, not the code (docs/machine.md; pin both runs with --cpus)");
            String older = firstRuleOnly(be, ne) ? "base" : firstRuleOnly(ne, be) ? "new" : null;
            if (older != null) {
                notes.add("the " + older + " side's core checks were judged by the check's first rule (the range of its"
                        + " rounds, which one stray round sets), the other side's by the current one: the verdicts may"
                        + " differ by rule alone (docs/machine.md)");
            }
        }
    }

    /**
     * Whether every check of {@code side} predates the interquartile range and drift (it has no
     * {@code iqr}) while some check of {@code other} has them.
     */
    private static boolean firstRuleOnly(List<Environment> side, List<Environment> other) {
        return checks(side).allMatch(c -> c.iqr() == null) && checks(other).anyMatch(c -> c.iqr() != null);
    }

    private static Stream<CoreCheck> checks(List<Environment> envs) {
        return envs.stream().flatMap(e -> Stream.of(e.coreCheckBefore(), e.coreCheckAfter())).filter(Objects::nonNull);
    }

    /** The sides' core checks in a few words, one run after the other; null without any. */
    private static String coreChecks(List<Environment> envs) {
        List<String> parts = envs.stream().map(Environment::coreChecks).filter(Objects::nonNull).toList();
        return parts.isEmpty() ? null : String.join("; then ", parts);
    }

    private static List<ResultsFile> concat(List<ResultsFile> a, List<ResultsFile> b) {
        List<ResultsFile> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static boolean allPositiveFinite(double[][] forks) {
        for (double[] f : forks) {
            for (double x : f) {
                if (!(x > 0) || Double.isInfinite(x)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean allEqual(double[][] forks) {
        double first = forks[0][0];
        for (double[] f : forks) {
            for (double x : f) {
                if (Double.compare(x, first) != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private static double[] flatten(double[][] forks) {
        return java.util.Arrays.stream(forks).flatMapToDouble(java.util.Arrays::stream).toArray();
    }

    static String percent(double fraction) {
        return Decision.percent(fraction);
    }
}
