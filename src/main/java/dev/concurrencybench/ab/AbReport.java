package dev.concurrencybench.ab;

import dev.concurrencybench.compare.Comparer;
import dev.concurrencybench.compare.Comparison;
import dev.concurrencybench.compare.Decision;
import dev.concurrencybench.compare.MetricKey;
import dev.concurrencybench.compare.PairedStats;
import dev.concurrencybench.compare.RowComparison;
import dev.concurrencybench.compare.Stats;
import dev.concurrencybench.compare.Verdict;
import dev.concurrencybench.results.BenchmarkResult.RowKey;
import java.util.ArrayList;
import java.util.List;

/**
 * The verdicts of an {@code ab} run, made once at the end, as a {@link Comparison} that
 * {@code compare}'s renderers print. Per row: the ratio new/base on the row's own scale (the
 * trimmed mean of the pairs' log ratios, exponentiated), its interval at 1 - alpha, the
 * Holm-adjusted p-value over every row with two pairs or more, the minimum detectable effect at the
 * family's Bonferroni level, and the verdict of {@link Decision}.
 *
 * <p>Control rows ({@code ab --control}) are judged by the same rule, each as if it were one more
 * row of the run: Holm over the real rows' p-values and its own. They are kept out of the real
 * rows' Holm family, verdicts, geomean and exit status.
 */
final class AbReport {

    private AbReport() {
    }

    /**
     * @param controlShare the share {@code --control} asked for, or NaN without control rows
     */
    static Comparison build(Rows rows, Engine.Result result, double alpha, double minEffect, Comparison.Design design,
                            List<String> warnings, List<String> notes, double controlShare) {
        List<Engine.RowOutcome> outcomes = result.rows();
        int n = outcomes.size();
        PairedStats.Summary[] summaries = new PairedStats.Summary[n];
        double[] p = new double[n];
        int tested = 0;
        for (int i = 0; i < n; i++) {
            summaries[i] = PairedStats.summarise(outcomes.get(i).pairs(), 1 - alpha);
            p[i] = outcomes.get(i).status() == Engine.Status.FAILED ? Double.NaN : summaries[i].p();
            tested += Double.isNaN(p[i]) ? 0 : 1;
        }
        double[] adjusted = Stats.holm(p);
        double familyAlpha = alpha / Math.max(1, tested);
        List<RowComparison> lines = new ArrayList<>();
        double sum = 0;
        double variance = 0;
        int used = 0;
        for (int i = 0; i < n; i++) {
            Engine.RowOutcome o = outcomes.get(i);
            PairedStats.Summary s = summaries[i];
            lines.add(line(o, s, p[i], adjusted[i], alpha, minEffect, familyAlpha));
            if (!Double.isNaN(p[i])) {
                sum += s.estimate();
                variance += s.se() * s.se();
                used++;
            }
        }
        rows.added().forEach(k -> lines.add(oneSided(k, Verdict.ADDED)));
        rows.removed().forEach(k -> lines.add(oneSided(k, Verdict.REMOVED)));
        Comparison.Control control = Double.isNaN(controlShare) ? null
                : control(result.controls(), p, alpha, minEffect, familyAlpha, controlShare);
        return new Comparison(lines, geomean(used, sum, variance, minEffect), warnings, notes, design, control);
    }

    /** Each control row judged as one more row of the run: Holm over the real rows' p-values and its own. */
    private static Comparison.Control control(List<Engine.RowOutcome> controls, double[] realP, double alpha,
                                              double minEffect, double familyAlpha, double share) {
        List<RowComparison> lines = new ArrayList<>();
        int tested = 0;
        int belowAlpha = 0;
        int pairs = 0;
        double[] family = java.util.Arrays.copyOf(realP, realP.length + 1);
        for (Engine.RowOutcome o : controls) {
            PairedStats.Summary s = PairedStats.summarise(o.pairs(), 1 - alpha);
            double p = o.status() == Engine.Status.FAILED ? Double.NaN : s.p();
            family[realP.length] = p;
            double adjusted = Stats.holm(family)[realP.length];
            lines.add(line(o, s, p, adjusted, alpha, minEffect, familyAlpha));
            pairs += o.pairs().length;
            if (!Double.isNaN(p)) {
                tested++;
                belowAlpha += p < alpha ? 1 : 0;
            }
        }
        int flagged = (int) lines.stream().filter(r -> r.verdict() == Verdict.REGRESSION || r.verdict() == Verdict.IMPROVEMENT)
                .count();
        return new Comparison.Control(share, pairs, tested, flagged, belowAlpha, alpha, lines);
    }

    private static RowComparison line(Engine.RowOutcome o, PairedStats.Summary s, double p, double adjusted,
                                      double alpha, double minEffect, double familyAlpha) {
        boolean higherIsBetter = o.row().mode().higherIsBetter();
        // The pairs are time-like (above 0 is slower); the row is shown on its own scale, as compare shows it.
        double sign = higherIsBetter ? -1 : 1;
        double ratio = Math.exp(sign * s.estimate());
        double lo = Math.exp(higherIsBetter ? -s.high() : s.low());
        double hi = Math.exp(higherIsBetter ? -s.low() : s.high());
        Verdict verdict;
        String text;
        if (o.status() == Engine.Status.FAILED) {
            verdict = Verdict.INCONCLUSIVE;
            text = "inconclusive: " + o.failure();
        } else if (Double.isNaN(p)) {
            verdict = Verdict.INCONCLUSIVE;
            text = "inconclusive: " + s.pairs() + (s.pairs() == 1 ? " pair" : " pairs")
                    + (o.status() == Engine.Status.OUT_OF_REACH ? ", too noisy for the budget" : "");
        } else {
            Decision.Outcome d = Decision.decide(Math.log(ratio), Math.log(lo), Math.log(hi), adjusted < alpha, minEffect,
                    higherIsBetter);
            verdict = d.verdict();
            text = verdict == Verdict.INCONCLUSIVE && o.status() == Engine.Status.OUT_OF_REACH
                    ? "inconclusive: too noisy for the budget" : d.text();
        }
        return new RowComparison(o.row().key(), MetricKey.PRIMARY, o.unit() == null ? "" : o.unit(), higherIsBetter,
                side(o.base()), side(o.next()), ratio, lo, hi, p, adjusted, s.mde(familyAlpha), verdict, text);
    }

    private static RowComparison.Side side(List<Fork> forks) {
        if (forks.isEmpty()) {
            return null;
        }
        double score = forks.stream().mapToDouble(Fork::value).average().orElse(Double.NaN);
        double[] all = forks.stream().flatMapToDouble(f -> java.util.Arrays.stream(f.measurements())).toArray();
        return new RowComparison.Side(score, Stats.jmhError(all), forks.size(), all.length);
    }

    private static RowComparison oneSided(RowKey key, Verdict v) {
        return new RowComparison(key, MetricKey.PRIMARY, "", key.mode().higherIsBetter(), null, null, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, v, v.label());
    }

    /** The mean time-like log ratio over the tested rows, with a normal interval from their standard errors. */
    private static RowComparison.Geomean geomean(int used, double sum, double variance, double minEffect) {
        if (used == 0) {
            return new RowComparison.Geomean(0, Double.NaN, Double.NaN, Double.NaN, "inconclusive: no row with two pairs");
        }
        double mean = sum / used;
        double half = 1.959963984540054 * Math.sqrt(variance) / used;
        double lo = Math.exp(mean - half);
        double hi = Math.exp(mean + half);
        return new RowComparison.Geomean(used, Math.exp(mean), lo, hi, Comparer.geomeanText(lo, hi, minEffect));
    }
}
