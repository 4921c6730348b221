package dev.concurrencybench.ab;

import dev.concurrencybench.compare.Comparer;
import dev.concurrencybench.compare.Comparison;
import dev.concurrencybench.compare.Decision;
import dev.concurrencybench.compare.MetricKey;
import dev.concurrencybench.compare.Moderation;
import dev.concurrencybench.compare.PairedStats;
import dev.concurrencybench.compare.RowComparison;
import dev.concurrencybench.compare.Stats;
import dev.concurrencybench.compare.Verdict;
import dev.concurrencybench.results.BenchmarkResult.RowKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The verdicts of an {@code ab} run, made once at the end on all pairs, as a {@link Comparison} that
 * {@code compare}'s renderers print. Per row: the ratio new/base on the row's own scale (the
 * trimmed mean of the pairs' log ratios, exponentiated), its interval at 1 - alpha, the p-value of
 * the trimmed mean over its standard error moderated within the row's family ({@link Moderation}),
 * Holm-adjusted over every tested row, the minimum detectable effect at the family's Bonferroni
 * level ({@link PairedStats#mde}), and the verdict of {@link Decision}.
 *
 * <p>Control rows ({@code ab --control}) are tested with their real twin's family prior and judged by
 * the same rule, each as if it were one more row of the run: Holm over the real rows' p-values and
 * its own. They are kept out of the priors, the real rows' Holm family, verdicts, geomean and exit
 * status.
 */
final class AbReport {

    private AbReport() {
    }

    /**
     * @param controlShare the share {@code --control} asked for, or NaN without control rows
     * @param notes        the run's notes; the families' priors are added to them
     */
    static Comparison build(Rows rows, Engine.Result result, double alpha, double minEffect, Comparison.Design design,
                            List<String> warnings, List<String> notes, double controlShare) {
        List<Engine.RowOutcome> outcomes = result.rows();
        int n = outcomes.size();
        Families families = families(outcomes, result.steps());
        PairedStats.Summary[] summaries = summaries(outcomes, families, alpha);
        double[] p = new double[n];
        int tested = 0;
        for (int i = 0; i < n; i++) {
            p[i] = outcomes.get(i).status().failed() ? Double.NaN : summaries[i].p();
            tested += Double.isNaN(p[i]) ? 0 : 1;
        }
        double[] adjusted = Stats.holm(p);
        double familyAlpha = alpha / Math.max(1, tested);
        List<RowComparison> lines = new ArrayList<>();
        List<PairedStats.Summary> used = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            lines.add(line(outcomes.get(i), summaries[i], p[i], adjusted[i], alpha, minEffect, familyAlpha));
            if (!Double.isNaN(p[i])) {
                used.add(summaries[i]);
            }
        }
        rows.added().forEach(k -> lines.add(oneSided(k, Verdict.ADDED)));
        rows.removed().forEach(k -> lines.add(oneSided(k, Verdict.REMOVED)));
        Comparison.Control control = Double.isNaN(controlShare) ? null
                : control(result.controls(), families, p, alpha, minEffect, familyAlpha, controlShare);
        List<String> allNotes = new ArrayList<>(notes);
        priorsNote(families).ifPresent(allNotes::add);
        return new Comparison(lines, geomean(used, alpha, minEffect), warnings, allNotes, design, control);
    }

    /** The families of the real rows that were not failed; none when moderation is off. */
    static Families families(List<Engine.RowOutcome> outcomes, Engine.Steps steps) {
        if (!steps.moderate()) {
            return Families.none();
        }
        return Families.of(outcomes.stream().filter(o -> !o.status().failed())
                .map(o -> member(o, PairedStats.sample(o.pairs()))).toList());
    }

    /** Each row's test at 1 - alpha, moderated within its family. */
    static PairedStats.Summary[] summaries(List<Engine.RowOutcome> outcomes, Families families, double alpha) {
        PairedStats.Summary[] out = new PairedStats.Summary[outcomes.size()];
        for (int i = 0; i < out.length; i++) {
            PairedStats.Sample sample = PairedStats.sample(outcomes.get(i).pairs());
            out[i] = families.test(member(outcomes.get(i), sample), sample, 1 - alpha);
        }
        return out;
    }

    private static Families.Member member(Engine.RowOutcome o, PairedStats.Sample sample) {
        return Families.Member.of(o.row(), sample, o.base(), o.next());
    }

    /**
     * E.g. {@code moderated variances (prior degrees of freedom d0, prior spread per pair s0):
     * CpuBoundBenchmark.fibList ss, 11 rows: d0 38.2, s0 8.10%; ...}: every family with a prior.
     */
    private static java.util.Optional<String> priorsNote(Families families) {
        List<String> parts = new ArrayList<>();
        Map<String, Integer> sizes = families.sizes();
        families.priors().forEach((family, prior) -> {
            if (prior.df() > 0) {
                parts.add(String.format(Locale.ROOT, "%s, %d rows: d0 %.1f, s0 %.2f%%", shortName(family), sizes.get(family),
                        prior.df(), 100 * Math.sqrt(prior.variance())));
            }
        });
        return parts.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(
                "moderated variances (prior degrees of freedom d0, prior spread per pair s0): " + String.join("; ", parts));
    }

    /** {@code dev.x.CpuBoundBenchmark.fibList ss, ...} as {@code CpuBoundBenchmark.fibList ss, ...}. */
    static String shortName(String family) {
        String[] words = family.split(" ", 2);
        String[] parts = words[0].split("\\.");
        String name = parts.length >= 2 ? parts[parts.length - 2] + "." + parts[parts.length - 1] : words[0];
        return name + (words.length > 1 ? " " + words[1] : "");
    }

    /** Each control row tested with its twin's prior and judged as one more row of the run. */
    private static Comparison.Control control(List<Engine.RowOutcome> controls, Families families,
                                              double[] realP, double alpha, double minEffect, double familyAlpha,
                                              double share) {
        List<RowComparison> lines = new ArrayList<>();
        List<Double> pValues = new ArrayList<>();
        int pairs = 0;
        double[] family = java.util.Arrays.copyOf(realP, realP.length + 1);
        for (Engine.RowOutcome o : controls) {
            PairedStats.Sample sample = PairedStats.sample(o.pairs());
            PairedStats.Summary s = families.test(member(o, sample), sample, 1 - alpha);
            double p = o.status().failed() ? Double.NaN : s.p();
            family[realP.length] = p;
            double adjusted = Stats.holm(family)[realP.length];
            lines.add(line(o, s, p, adjusted, alpha, minEffect, familyAlpha));
            pairs += o.pairs().length;
            if (!Double.isNaN(p)) {
                pValues.add(p);
            }
        }
        int flagged = (int) lines.stream().filter(r -> r.verdict() == Verdict.REGRESSION || r.verdict() == Verdict.IMPROVEMENT)
                .count();
        return new Comparison.Control(share, pairs, pValues, flagged, alpha, lines);
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
        if (o.status().failed()) {
            verdict = Verdict.INCONCLUSIVE;
            text = "inconclusive: " + o.failure();
        } else if (Double.isNaN(p)) {
            verdict = Verdict.INCONCLUSIVE;
            text = "inconclusive: " + (s.pairs() >= 2 ? "no spread between the pairs, cannot test"
                    : s.pairs() + (s.pairs() == 1 ? " pair" : " pairs")
                    + (o.status() == Engine.Status.OUT_OF_REACH ? ", too noisy for the budget" : ""));
        } else {
            Decision.Outcome d = Decision.decide(Math.log(ratio), Math.log(lo), Math.log(hi), adjusted < alpha, minEffect,
                    higherIsBetter);
            verdict = d.verdict();
            text = d.text();
            if (verdict == Verdict.INCONCLUSIVE && o.status() == Engine.Status.OUT_OF_REACH) {
                text = "inconclusive: too noisy for the budget";
            } else if (verdict == Verdict.INCONCLUSIVE && o.status() == Engine.Status.TRUNCATED) {
                text += " (time ran out at " + o.pairs().length + " of " + o.planned() + " pairs)";
            }
        }
        return new RowComparison(o.row().key(), MetricKey.PRIMARY, o.unit() == null ? "" : o.unit(), higherIsBetter,
                side(o.base()), side(o.next()), ratio, lo, hi, p, adjusted, s.mde(familyAlpha, minEffect), verdict, text,
                s.tested() ? s.df() : Double.NaN);
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

    /**
     * The mean time-like log ratio over the tested rows, {@code sum(estimate) / k}, with variance
     * {@code sum(se²) / k²} and a Student t interval at 1 - alpha on the Welch–Satterthwaite degrees
     * of freedom of that sum, {@code (sum se²)² / sum(se⁴ / df)}: with rows of a few pairs each, a
     * normal interval would be too narrow.
     */
    static RowComparison.Geomean geomean(List<PairedStats.Summary> used, double alpha, double minEffect) {
        if (used.isEmpty()) {
            return new RowComparison.Geomean(0, Double.NaN, Double.NaN, Double.NaN, "inconclusive: no row with two pairs");
        }
        int k = used.size();
        double sum = 0;
        double variance = 0;
        double fourth = 0;
        for (PairedStats.Summary s : used) {
            double v = s.se() * s.se();
            sum += s.estimate();
            variance += v;
            fourth += v * v / s.df();
        }
        double mean = sum / k;
        double df = variance * variance / fourth;
        double half = TDistribution.of(df).inverseSurvivalProbability(alpha / 2) * Math.sqrt(variance) / k;
        double lo = Math.exp(mean - half);
        double hi = Math.exp(mean + half);
        return new RowComparison.Geomean(k, Math.exp(mean), lo, hi, Comparer.geomeanText(lo, hi, minEffect), df);
    }

    /**
     * E.g. {@code plan: a pilot of 2 pairs per row, then 410 more pairs on 40 of 64 rows, where they raise
     * the chance of flagging a 10% change the most; at least 5 pairs a row in reach (7 for a row alone):
     * the budget does not pay the trimmed 8 (9) for every row; 6 rows planned alone (no family lent them
     * its spread); 12 rows out of reach (no useful power within the budget)}.
     */
    static String planNote(Engine.Result result, double detectPct) {
        List<Engine.RowOutcome> rows = result.rows();
        long more = rows.stream().filter(r -> r.planned() > Engine.PILOT).count();
        int extra = rows.stream().mapToInt(r -> Math.max(0, r.pairs().length - Engine.PILOT)).sum();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "plan: a pilot of %d pairs per row, then %d more"
                        + " pairs on %d of %d rows, where they raise the chance of flagging a %s%% change the most",
                Engine.PILOT, extra, more, rows.size(), AbCommand.trim(detectPct)));
        Engine.Chosen chosen = result.chosen();
        if (chosen.plans() == 2) {
            sb.append("; planned twice: on the pilot, then on all pairs once the rows in reach had their fewest");
        }
        if (chosen.fewestPairs() > 0) {
            sb.append(String.format(Locale.ROOT, "; at least %d pairs a row in reach (%d for a row alone)",
                    chosen.fewestPairs(), chosen.fewestAlone()));
            sb.append(chosen.trimmed() ? ", the trimmed ones, which the budget pays for every row"
                    : String.format(Locale.ROOT, ": the budget does not pay the trimmed %d (%d) for every row",
                            Planner.TRIMMED.family(), Planner.TRIMMED.alone()));
        }
        if (!chosen.alone().isEmpty()) {
            int n = chosen.alone().size();
            sb.append("; ").append(n).append(n == 1 ? " row" : " rows").append(" planned alone (no family lent ")
                    .append(n == 1 ? "it" : "them").append(" its spread)");
            if (n <= 5) {
                sb.append(": ").append(String.join(", ", chosen.alone().stream().map(Row::display).toList()));
            }
        }
        List<String> out = rows.stream().filter(r -> r.status() == Engine.Status.OUT_OF_REACH).map(r -> r.row().display())
                .toList();
        if (!out.isEmpty()) {
            sb.append("; ").append(out.size()).append(out.size() == 1 ? " row" : " rows")
                    .append(" out of reach (no useful power within the budget)");
            if (out.size() <= 5) {
                sb.append(": ").append(String.join(", ", out));
            }
        }
        long truncated = rows.stream().filter(r -> r.status() == Engine.Status.TRUNCATED).count();
        if (truncated > 0) {
            sb.append("; ").append(truncated).append(truncated == 1 ? " row" : " rows")
                    .append(" cut short when the time ran out");
        }
        return sb.toString();
    }
}
