package dev.concurrencybench.report;

import dev.concurrencybench.results.BenchmarkResult;
import dev.concurrencybench.results.ResultsFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides which charts a set of results files gets. Each benchmark is charted from the newest file
 * (the last one given) that has it, by the {@link Lesson} that claims it; with two or more files,
 * each benchmark also gets a trend across all of them ({@link TrendLesson}). Benchmarks no lesson
 * claims, and rows of claimed ones that lack the params their chart needs, get a generic bar chart
 * ({@link GenericLesson}): never an error.
 */
public final class ChartPlanner {

    /** Cores assumed when neither a sidecar nor {@code --cores} says how many there were. */
    public static final int FALLBACK_CORES = 2;

    /** The lessons in the order the README tells them, which is the report's reading order. */
    static final List<Lesson> LESSONS = List.of(new CpuLesson(), new IoLesson(), new ScalingLesson(),
            new PinningLesson(), new AsyncLesson(), new SpawnLesson(), new CounterLesson());

    /**
     * The charts, in reading order, notes that concern the whole report, and warnings for its top
     * (one per run whose core checks found its cores unequal or unsteady, {@link Runs#coreBanner}).
     */
    public record Plan(List<ChartSpec> charts, List<String> notes, List<String> banners) {
        public Plan {
            charts = List.copyOf(charts);
            notes = List.copyOf(notes);
            banners = List.copyOf(banners);
        }
    }

    private ChartPlanner() {
    }

    /**
     * Plans the report for {@code runs}, oldest first.
     *
     * @param coresFlag the logical cores to assume for runs without a sidecar; null for {@value #FALLBACK_CORES}
     */
    public static Plan plan(List<ResultsFile> runs, Integer coresFlag) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no results to report");
        }
        List<Source> newest = newest(runs);
        Charts charts = new Charts(coresFlag, newest);
        Map<String, Lesson> claims = claims();
        for (Lesson lesson : LESSONS) {
            List<Source> claimed = newest.stream().filter(s -> claims.get(s.shortName()) == lesson).toList();
            if (!claimed.isEmpty()) {
                lesson.plan(claimed, charts);
            }
        }
        newest.stream().filter(s -> !claims.containsKey(s.shortName())).forEach(charts::generic);
        ForkLesson.plan(runs, newest, charts);
        TrendLesson.plan(runs, charts);
        List<String> banners = runs.stream().map(Runs::coreBanner).flatMap(Optional::stream).toList();
        return new Plan(charts.inReadingOrder(), charts.notes(), banners);
    }

    /**
     * The title of the lesson that charts a benchmark, e.g. {@code CPU-bound} for
     * {@code CpuBoundBenchmark.fibList}; empty for a benchmark no lesson claims.
     */
    public static Optional<String> lessonTitle(String shortName) {
        return Optional.ofNullable(claims().get(shortName)).map(Lesson::title);
    }

    /** The lessons' titles in reading order. */
    public static List<String> lessonTitles() {
        return LESSONS.stream().map(Lesson::title).toList();
    }

    /** Which lesson charts each benchmark, by {@code SimpleClassName.method}. */
    static Map<String, Lesson> claims() {
        Map<String, Lesson> claims = new HashMap<>();
        for (Lesson lesson : LESSONS) {
            for (String benchmark : lesson.benchmarks()) {
                Lesson before = claims.put(benchmark, lesson);
                if (before != null) {
                    throw new IllegalStateException(benchmark + " is claimed by both " + before.getClass().getSimpleName()
                            + " and " + lesson.getClass().getSimpleName());
                }
            }
        }
        return claims;
    }

    /**
     * The rows of each benchmark method and mode from the newest file that has them, in the order
     * the benchmarks first appear in the files.
     */
    private static List<Source> newest(List<ResultsFile> runs) {
        Map<String, Source> newest = new LinkedHashMap<>();
        for (ResultsFile run : runs) {
            Map<String, List<BenchmarkResult>> byBenchmark = Rows.groupBy(run.results(), r -> r.benchmark() + "|" + r.mode());
            byBenchmark.forEach((key, rows) -> newest.put(key, new Source(run, rows)));
        }
        return new ArrayList<>(newest.values());
    }
}
