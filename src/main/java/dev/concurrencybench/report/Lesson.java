package dev.concurrencybench.report;

import java.util.List;

/**
 * One lesson of the report: the benchmarks it charts, their ideals and the prose that explains
 * them. A new benchmark's chart is one new class that implements this, plus one line in
 * {@link ChartPlanner#LESSONS}; a benchmark no lesson claims gets a generic chart
 * ({@link GenericLesson}).
 */
interface Lesson {

    /** The lesson's name in an index, e.g. {@code CPU-bound}; the first words of its charts' titles. */
    String title();

    /**
     * The benchmark methods this lesson charts, as {@code SimpleClassName.method} (e.g.
     * {@code CpuBoundBenchmark.fibList}), in teaching order. Each is claimed by one lesson only.
     */
    List<String> benchmarks();

    /**
     * Adds this lesson's charts to {@code charts}.
     *
     * @param sources the newest rows of each claimed benchmark that the files have, one source per
     *                method and mode, in the order the files list them; never empty
     */
    void plan(List<Source> sources, Charts charts);
}
