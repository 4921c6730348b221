package dev.concurrencybench.report;

import dev.concurrencybench.counter.Across;
import dev.concurrencybench.counter.CounterVariant;
import dev.concurrencybench.report.BarChartSpec.Bar;
import dev.concurrencybench.results.BenchmarkResult;
import dev.concurrencybench.results.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Shared counters: how fast each variant takes increments, across threads and across processes,
 * coloured by whether it keeps every increment by design ({@link CounterVariant#exactIn}), with the
 * share its final count kept as the benchmark measured it.
 */
final class CounterLesson implements Lesson {

    static final String INCREMENT_SHARED = "CounterBenchmark.incrementShared";

    /** Where the workers share the counter; older results files call this param {@value #LEGACY_ACROSS}. */
    static final String ACROSS = "across";
    static final String LEGACY_ACROSS = "mode";

    static final String TEXT = "How fast each shared counter takes increments, coloured by whether it is"
            + " exact, with the share of increments its final count kept. A plain field or a file without a lock"
            + " loses updates, and an in-memory counter is not shared across processes at all: coordination is what"
            + " makes a counter both exact and slower.";

    /** What a variant does to concurrent increments, by design. */
    enum Exactness {
        EXACT("exact"),
        LOSES_UPDATES("loses updates"),
        UNKNOWN("exactness unknown");

        private final String label;

        Exactness(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    @Override
    public String title() {
        return "Shared counter";
    }

    @Override
    public List<String> benchmarks() {
        return List.of(INCREMENT_SHARED);
    }

    /** The row's {@code across} param, or its legacy name {@code mode}; null when it has neither. */
    static String across(BenchmarkResult r) {
        return r.param(ACROSS) != null ? r.param(ACROSS) : r.param(LEGACY_ACROSS);
    }

    /**
     * Asks the variant itself, so the fact lives in one place; {@link Exactness#UNKNOWN} when this
     * build does not know the variant or where it is shared (names are looked up through
     * {@code variants} and {@code places}, which remember the unknown ones for the chart's note).
     */
    static Exactness exactness(String variant, String across, BuildNames<CounterVariant> variants,
                               BuildNames<Across> places) {
        CounterVariant v = variants.find(variant).orElse(null);
        Across m = places.find(across).orElse(null);
        if (v == null || m == null) {
            return Exactness.UNKNOWN;
        }
        return v.exactIn(m) ? Exactness.EXACT : Exactness.LOSES_UPDATES;
    }

    /** {@link #exactness(String, String, BuildNames, BuildNames)} on its own, for one pair. */
    static Exactness exactness(String variant, String across) {
        return exactness(variant, across, variants(), places());
    }

    private static BuildNames<CounterVariant> variants() {
        return new BuildNames<>(CounterVariant.class, "counter variant");
    }

    private static BuildNames<Across> places() {
        return new BuildNames<>(Across.class, "counter 'across' value");
    }

    @Override
    public void plan(List<Source> sources, Charts charts) {
        for (Source s : sources) {
            charts.groupsWith(s, "variant", ACROSS, LEGACY_ACROSS).forEach((params, group) ->
                    charts.add(group(params, group, charts.id("counter " + s.method() + " " + params), s.run().name())));
        }
    }

    private static BarChartSpec group(Map<String, String> params, List<BenchmarkResult> group, String id, String source) {
        // The benchmark's own counts, when it reports them: increments made and kept per second.
        boolean counted = group.stream().allMatch(r -> r.secondary("made") != null && r.secondary("kept") != null);
        BuildNames<CounterVariant> variants = variants();
        BuildNames<Across> places = places();
        List<Bar> bars = new ArrayList<>();
        for (BenchmarkResult r : group) {
            String across = across(r);
            String label = r.param("variant") + (across == null ? "" : " / " + across);
            String exactness = exactness(r.param("variant"), across, variants, places).label();
            if (counted) {
                Metric made = r.secondary("made");
                Metric kept = r.secondary("kept");
                double share = made.score() > 0 ? kept.score() / made.score() : Double.NaN;
                String remark = Double.isFinite(share) ? String.format(Locale.ROOT, "kept %s%%", keptPercent(share)) : "kept n/a";
                bars.add(new Bar(label, made.score(), made.scoreError(), Double.NaN, exactness, remark, UsageFigures.beside(r)));
            } else {
                bars.add(new Bar(label, r.primary().score(), r.primary().scoreError(), Double.NaN, exactness, "",
                        UsageFigures.beside(r)));
            }
        }
        String yAxis = counted
                ? "increments made (" + group.get(0).secondary("made").unit() + ", higher is better)"
                : Rows.axisTitle(group.get(0));
        List<String> notes = new ArrayList<>();
        notes.add("Bar colour: each variant's exactness by design (exact, or loses updates); a short run may"
                + " happen to lose nothing, so the measured share above the bar can read 100% for a racy variant.");
        if (counted) {
            notes.add("Above each bar: the share of increments the final count kept, as the benchmark measured it"
                    + " (kept / made).");
        }
        if (group.stream().anyMatch(r -> across(r) == null)) {
            notes.add("Some rows do not say whether the counter was shared across threads or processes (no '"
                    + ACROSS + "' or '" + LEGACY_ACROSS + "' param), so their exactness is unknown.");
        }
        variants.note("its exactness is unknown").ifPresent(notes::add);
        places.note("its exactness is unknown").ifPresent(notes::add);
        String text = Rows.paramText(params);
        return new BarChartSpec(id, "Shared counter: speed and exactness" + (text.isEmpty() ? "" : " (" + text + ")"),
                yAxis, bars, TEXT, source, notes);
    }

    /** 100 only when nothing was lost; otherwise never rounded up to 100. */
    static String keptPercent(double share) {
        if (share >= 1) {
            return "100";
        }
        double pct = Math.floor(share * 1000) / 10;
        return pct == Math.rint(pct) ? Long.toString((long) pct) : String.format(Locale.ROOT, "%.1f", pct);
    }
}
