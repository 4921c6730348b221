package dev.concurrencybench.report;

import dev.concurrencybench.compare.Stats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Dots in columns, one column per benchmark row: each fork of the row is one dot at the mean of its
 * iterations, with its iterations as faint dots in line with it. Every value is divided by the
 * row's median fork mean, so rows of any size and unit share one axis. A column holds one strip of
 * dots per results file, side by side in the order of {@code files} (an ab run's base.json and
 * new.json), each file in its own colour.
 *
 * @param yAxis the value axis title
 * @param files the results files, in the order their strips stand in every column
 */
public record DotChartSpec(String id, String title, String yAxis, List<String> files, List<Column> columns,
                           String explanation, String source, List<String> notes) implements ChartSpec {

    public DotChartSpec {
        files = List.copyOf(files);
        columns = List.copyOf(columns);
        notes = List.copyOf(notes);
        for (Column c : columns) {
            if (c.strips().size() != files.size()) {
                throw new IllegalArgumentException(c.label() + " has " + c.strips().size() + " strips for "
                        + files.size() + " files");
            }
        }
    }

    /**
     * One benchmark row.
     *
     * @param unit   the row's JMH unit, e.g. {@code ms/op}
     * @param strips one per file, in the chart's file order; a strip without forks where a file lacks the row
     */
    public record Column(String label, String unit, List<Strip> strips) {

        public Column {
            strips = List.copyOf(strips);
        }

        /** The median of every fork mean in the column, over all its files: what the axis calls 1. */
        public double median() {
            double[] all = strips.stream().flatMapToDouble(s -> Arrays.stream(s.means())).sorted().toArray();
            return Stats.quantile(all, 0.5);
        }
    }

    /**
     * One file's forks of one row. Only finite, positive iteration scores are kept (JMH may write
     * NaN), and a fork left without any is dropped.
     *
     * @param forks {@code forks.get(f)} holds fork f's iteration scores, in the order JMH measured them
     */
    public record Strip(List<List<Double>> forks) {

        public Strip {
            forks = forks.stream()
                    .map(f -> f.stream().filter(v -> v != null && Double.isFinite(v) && v > 0).toList())
                    .filter(f -> !f.isEmpty())
                    .toList();
        }

        /** Each fork's mean over its iterations, in fork order. */
        public double[] means() {
            return Stats.forkMeans(forks.stream().map(f -> f.stream().mapToDouble(Double::doubleValue).toArray())
                    .toArray(double[][]::new));
        }

        /**
         * The slowest fork over the fastest, the fork-to-fork spread: the highest fork mean over the
         * lowest, in a time or a rate alike (a rate's ratio is its times' turned over); NaN with
         * fewer than two forks.
         */
        public double spread() {
            double[] m = means();
            return m.length < 2 ? Double.NaN : Arrays.stream(m).max().orElseThrow() / Arrays.stream(m).min().orElseThrow();
        }

        /**
         * The median, over the forks with two or more iterations, of a fork's slowest iteration over
         * its fastest: how far one JVM's own iterations spread; NaN when no fork has two.
         */
        public double withinFork() {
            double[] ratios = forks.stream().filter(f -> f.size() >= 2)
                    .mapToDouble(f -> f.stream().mapToDouble(Double::doubleValue).max().orElseThrow()
                            / f.stream().mapToDouble(Double::doubleValue).min().orElseThrow())
                    .sorted().toArray();
            return Stats.quantile(ratios, 0.5);
        }
    }

    /** The figures behind the dots: one line per column and file that has forks. */
    Tables.Table table() {
        boolean byFile = files.size() > 1;
        List<String> header = new ArrayList<>(List.of("", "unit", "forks", "lowest fork mean", "median fork mean",
                "highest fork mean", "slowest / fastest fork", "iterations in a fork: slowest / fastest (median)"));
        if (byFile) {
            header.add(1, "file");
        }
        List<List<String>> rows = new ArrayList<>();
        for (Column c : columns) {
            for (int i = 0; i < files.size(); i++) {
                Strip s = c.strips().get(i);
                double[] sorted = Arrays.stream(s.means()).sorted().toArray();
                if (sorted.length == 0) {
                    continue;
                }
                List<String> row = new ArrayList<>(List.of(c.label(), c.unit(), Integer.toString(sorted.length),
                        Tables.number(sorted[0]), Tables.number(Stats.quantile(sorted, 0.5)),
                        Tables.number(sorted[sorted.length - 1]), times(s.spread()), times(s.withinFork())));
                if (byFile) {
                    row.add(1, files.get(i));
                }
                rows.add(row);
            }
        }
        return new Tables.Table(header, rows);
    }

    /** A ratio as {@code 1.08x}; {@code n/a} when there is none. */
    static String times(double ratio) {
        return Double.isFinite(ratio) ? String.format(Locale.ROOT, "%.2fx", ratio) : "n/a";
    }
}
