package dev.concurrencybench.report;

import dev.concurrencybench.results.BenchmarkResult;
import dev.concurrencybench.results.ResultsFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The charts of one report as lessons add them, and what every lesson needs to make them: unique
 * ids, the cores of a run, report-wide notes and the generic chart for rows a lesson cannot use.
 * Charts come out in reading order: every lesson's, in the order the lessons ran; then the generic
 * ones, in the order the files list their rows; then the fork levels; then the trends.
 */
final class Charts {

    static final String NO_ERROR_NOTE = "Some rows have no error estimate (JMH gives none from too few measurements,"
            + " and writes NaN); they are drawn without an error bar.";

    private record Generic(int order, ChartSpec chart) {
    }

    private final Integer coresFlag;
    private final List<Source> newest;
    private final List<ChartSpec> lessons = new ArrayList<>();
    private final List<Generic> generic = new ArrayList<>();
    private final List<ChartSpec> forks = new ArrayList<>();
    private final List<ChartSpec> trends = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();
    private final Set<String> coreNotes = new HashSet<>();

    /**
     * @param coresFlag the logical cores to assume for runs without a sidecar; null for {@value ChartPlanner#FALLBACK_CORES}
     * @param newest    every source of the report, in the files' order (places the generic charts)
     */
    Charts(Integer coresFlag, List<Source> newest) {
        this.coresFlag = coresFlag;
        this.newest = List.copyOf(newest);
    }

    /** Adds a lesson's chart. */
    void add(ChartSpec chart) {
        lessons.add(withErrorNote(chart));
    }

    /** Adds a chart of the fork lesson, which comes after every benchmark's own charts. */
    void addForks(DotChartSpec chart) {
        forks.add(chart);
    }

    /** Adds a chart of the trend lesson, which comes last. */
    void addTrend(ChartSpec chart) {
        trends.add(withErrorNote(chart));
    }

    /** A plain bar chart of every row of {@code s}, for a benchmark no lesson claims. */
    void generic(Source s) {
        generic(s, s.rows(), List.of());
    }

    /**
     * For a lesson that draws a bar per value of {@code param}: the rows of {@code s} that have it,
     * grouped by their other params (less {@code ungrouped}), one group per chart. Rows without it
     * get a generic chart, with a note when some rows have it; empty when none does.
     */
    Map<Map<String, String>, List<BenchmarkResult>> groupsWith(Source s, String param, String... ungrouped) {
        List<BenchmarkResult> rows = s.withParam(param);
        if (rows.isEmpty()) {
            generic(s);
            return Map.of();
        }
        genericWithout(s, rows, param);
        Set<String> except = new HashSet<>(List.of(ungrouped));
        except.add(param);
        return Rows.groupByParams(rows, except);
    }

    /**
     * A plain chart of the rows of {@code s} a lesson did not chart, when there are any: it charts
     * {@code kept}, the rows that have every one of {@code params}, and cannot place the others.
     */
    void genericWithout(Source s, List<BenchmarkResult> kept, String... params) {
        if (s == null || kept.size() == s.rows().size()) {
            return;
        }
        List<BenchmarkResult> rest = s.rows().stream().filter(r -> !kept.contains(r)).toList();
        generic(s, rest, List.of("These rows lack the '" + String.join("' or '", params)
                + "' param, so they get a plain chart without ideals."));
    }

    private void generic(Source s, List<BenchmarkResult> rows, List<String> chartNotes) {
        if (!rows.isEmpty()) {
            generic.add(new Generic(newest.indexOf(s), withErrorNote(GenericLesson.chart(this, s, rows, chartNotes))));
        }
    }

    /** A note about the whole report, e.g. an assumed core count. */
    void note(String note) {
        notes.add(note);
    }

    /** The logical cores of the machine that ran {@code run}: its sidecar's, else --cores, else a fallback with a note. */
    int cores(ResultsFile run) {
        if (Runs.logicalCores(run).isPresent()) {
            return Runs.logicalCores(run).getAsInt();
        }
        int cores = coresFlag != null ? coresFlag : ChartPlanner.FALLBACK_CORES;
        if (coreNotes.add(run.name())) {
            note(coresFlag != null
                    ? run.name() + ": no core count in a sidecar; ideals use --cores " + cores + "."
                    : run.name() + ": no core count in a sidecar; ideals assume " + cores + " logical cores (pass --cores N to change).");
        }
        return cores;
    }

    /** A unique, file-safe id from a description, e.g. {@code "cpu " + params}; start it with the lesson's name. */
    String id(String description) {
        String base = description.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        if (base.length() > 80) {
            base = base.substring(0, 80).replaceAll("-$", "");
        }
        if (base.isEmpty()) {
            base = "chart";
        }
        String id = base;
        for (int i = 2; !ids.add(id); i++) {
            id = base + "-" + i;
        }
        return id;
    }

    List<ChartSpec> inReadingOrder() {
        Stream<ChartSpec> others = generic.stream().sorted(Comparator.comparingInt(Generic::order)).map(Generic::chart);
        return Stream.of(lessons.stream(), others, forks.stream(), trends.stream()).flatMap(s -> s).toList();
    }

    List<String> notes() {
        return List.copyOf(notes);
    }

    /** The chart, with {@link #NO_ERROR_NOTE} added when a measured value has no error estimate. */
    private static ChartSpec withErrorNote(ChartSpec spec) {
        boolean missingError = switch (spec) {
            case BarChartSpec b -> b.bars().stream().anyMatch(bar -> Double.isFinite(bar.value()) && !Double.isFinite(bar.error()));
            case LineChartSpec l -> l.series().stream().filter(s -> !s.ideal()).flatMap(s -> s.points().stream())
                    .anyMatch(p -> Double.isFinite(p.y()) && !Double.isFinite(p.error()));
            // Dots show every fork and iteration, not an error bar; a band shows each run's interval.
            case DotChartSpec d -> false;
            case BandChartSpec b -> false;
        };
        if (!missingError) {
            return spec;
        }
        List<String> withNote = new ArrayList<>(spec.notes());
        withNote.add(NO_ERROR_NOTE);
        return switch (spec) {
            case BarChartSpec b -> b.withNotes(withNote);
            case LineChartSpec l -> l.withNotes(withNote);
            case DotChartSpec d -> d;
            case BandChartSpec b -> b;
        };
    }
}
