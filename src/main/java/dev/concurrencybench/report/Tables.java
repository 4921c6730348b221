package dev.concurrencybench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The figures behind each chart as a plain table (header plus rows of cells), so the HTML page and
 * the Markdown summary print the same numbers the chart draws.
 */
final class Tables {

    private Tables() {
    }

    record Table(List<String> header, List<List<String>> rows) {
    }

    static Table of(ChartSpec spec) {
        return switch (spec) {
            case BarChartSpec bars -> bars(bars);
            case LineChartSpec lines -> lines(lines);
            case DotChartSpec dots -> dots.table();
            case BandChartSpec band -> band.table();
        };
    }

    private static Table bars(BarChartSpec spec) {
        boolean ideal = spec.hasIdeal();
        boolean tags = spec.bars().stream().anyMatch(b -> !b.tag().isEmpty() || !b.remark().isEmpty());
        String unit = ChartRenderer.shortUnit(spec.yAxis());
        String in = unit.isEmpty() ? "" : " (" + unit + ")";
        List<String> header = new ArrayList<>(List.of("", "measured" + in, "± error"));
        if (tags) {
            header.add(1, "note");
        }
        if (ideal) {
            header.addAll(List.of("ideal" + in, "measured / ideal"));
        }
        Set<String> extras = new LinkedHashSet<>();
        spec.bars().forEach(b -> extras.addAll(b.extras().keySet()));
        header.addAll(extras);
        List<List<String>> rows = new ArrayList<>();
        for (BarChartSpec.Bar b : spec.bars()) {
            List<String> row = new ArrayList<>(List.of(b.label(), number(b.value()), number(b.error())));
            if (tags) {
                row.add(1, b.tag().isEmpty() || b.remark().isEmpty() ? b.tag() + b.remark() : b.tag() + "; " + b.remark());
            }
            if (ideal) {
                row.add(number(b.ideal()));
                row.add(Double.isFinite(b.ratio()) ? String.format(Locale.ROOT, "%.2fx", b.ratio()) : "n/a");
            }
            extras.forEach(column -> row.add(extra(b.extras(), column)));
            rows.add(row);
        }
        return new Table(header, rows);
    }

    /** The figure for {@code column}, or an empty cell when the row has none. */
    private static String extra(Map<String, Double> extras, String column) {
        Double v = extras.get(column);
        return v == null ? "" : number(v);
    }

    /**
     * One row per line, one column per x value (a run, or a task count); below a line, a row for
     * each figure its points carry for the table ({@link LineChartSpec.Point#extras()}).
     */
    private static Table lines(LineChartSpec spec) {
        TreeSet<Double> xs = new TreeSet<>();
        spec.series().forEach(s -> s.points().forEach(p -> xs.add(p.x())));
        boolean runs = !spec.xTickLabels().isEmpty();
        List<String> header = new ArrayList<>();
        // A numeric axis names itself in the corner cell: "tasks N" over 100, 1000, ...
        String unit = ChartRenderer.shortUnit(spec.yAxis());
        header.add((runs ? "" : spec.xAxis().replaceAll(" \\(.*\\)$", "") + " ") + (unit.isEmpty() ? "" : "(" + unit + ")"));
        for (double x : xs) {
            long i = Math.round(x);
            boolean named = runs && i >= 1 && i <= spec.xTickLabels().size();
            header.add(named ? ChartRenderer.runTick((int) i) + " " + spec.xTickLabels().get((int) i - 1) : Rows.fmt(x));
        }
        List<List<String>> rows = new ArrayList<>();
        for (LineChartSpec.Series s : spec.series()) {
            List<String> row = new ArrayList<>();
            row.add(s.name());
            for (double x : xs) {
                String cell = "";
                for (LineChartSpec.Point p : s.points()) {
                    if (p.x() == x) {
                        cell = number(p.y()) + (Double.isFinite(p.error()) ? " ± " + number(p.error()) : "");
                    }
                }
                row.add(cell);
            }
            rows.add(row);
            Set<String> extras = new LinkedHashSet<>();
            s.points().forEach(p -> extras.addAll(p.extras().keySet()));
            for (String column : extras) {
                List<String> extraRow = new ArrayList<>();
                extraRow.add(s.name() + ": " + column);
                for (double x : xs) {
                    extraRow.add(s.points().stream().filter(p -> p.x() == x).map(p -> extra(p.extras(), column))
                            .reduce((a, b) -> b).orElse(""));
                }
                rows.add(extraRow);
            }
        }
        return new Table(header, rows);
    }

    /** Four significant figures, no exponent for everyday sizes; "n/a" for NaN or infinity. */
    static String number(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        if (Math.abs(v) >= 1000 && Math.abs(v) < 1e12) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (v == 0) {
            return "0";
        }
        String s = String.format(Locale.ROOT, "%.4g", v);
        return s.contains("e") || !s.contains(".") ? s : s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
