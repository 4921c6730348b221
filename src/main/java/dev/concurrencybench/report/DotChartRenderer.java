package dev.concurrencybench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws a {@link DotChartSpec} as an XChart category chart. XChart puts every series of a category
 * chart at its category's centre, so each column is cut into slots, one category each: a fork's dot
 * and its iterations share a slot, the forks of a strip stand side by side, and the strips of a
 * column (one per file) stand apart. Only the middle slot of a column carries its label.
 */
final class DotChartRenderer {

    /** Empty slots at each end of a column, which keep neighbouring columns apart. */
    static final int COLUMN_PAD = 1;
    /** Empty slots between two strips of one column. */
    static final int STRIP_GAP = 1;

    private static final Color ITERATION = new Color(0xC4C4C4);
    private static final Color MEDIAN = new Color(0x7F7F7F);

    /** A fork's dot, outlined in white so that dots that touch stay apart. */
    private static final Marker FORK = new Marker() {
        @Override
        public void paint(Graphics2D g, double x, double y, int size) {
            Ellipse2D dot = new Ellipse2D.Double(x - size / 2.0, y - size / 2.0, size, size);
            g.fill(dot);
            Color fill = g.getColor();
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(1f));
            g.draw(dot);
            g.setColor(fill);
        }
    };

    /** An iteration's dot: half a fork's size, so the forks stand out. */
    private static final Marker ITERATION_DOT = new Marker() {
        @Override
        public void paint(Graphics2D g, double x, double y, int size) {
            double d = size / 2.0;
            g.fill(new Ellipse2D.Double(x - d / 2, y - d / 2, d, d));
        }
    };

    private DotChartRenderer() {
    }

    /**
     * Where the forks of a strip go: slots per strip, the chart's largest fork count, so that every
     * fork has a slot of its own; a strip with fewer forks is centred in its slots.
     */
    static int slotsPerStrip(DotChartSpec spec) {
        return spec.columns().stream().flatMap(c -> c.strips().stream()).mapToInt(s -> s.forks().size()).max().orElse(1);
    }

    /** The slot of fork {@code fork} of {@code forks} in strip {@code strip} of column {@code column}. */
    static int slot(DotChartSpec spec, int column, int strip, int fork, int forks) {
        int perStrip = slotsPerStrip(spec);
        return column * columnWidth(spec) + COLUMN_PAD + strip * (perStrip + STRIP_GAP) + (perStrip - forks) / 2 + fork;
    }

    private static int columnWidth(DotChartSpec spec) {
        int files = spec.files().size();
        return 2 * COLUMN_PAD + files * slotsPerStrip(spec) + (files - 1) * STRIP_GAP;
    }

    static CategoryChart chart(DotChartSpec spec) {
        CategoryChart chart = new CategoryChart(ChartRenderer.WIDTH, ChartRenderer.HEIGHT);
        chart.setTitle(spec.title());
        chart.setYAxisTitle(spec.yAxis());
        chart.setXAxisTitle("");
        var styler = chart.getStyler();
        ChartRenderer.common(styler);
        ChartRenderer.fitTitle(styler, spec.title(), false);
        styler.setOverlapped(true);
        styler.setAxisTicksMarksVisible(false);
        styler.setPlotGridVerticalLinesVisible(false);
        styler.setMarkerSize(9);
        int labelChars = spec.columns().stream().mapToInt(c -> c.label().length() + 2).sum();
        if (labelChars > 90 || spec.columns().size() > 8) {
            styler.setXAxisLabelRotation(45);
            styler.setXAxisLabelAlignment(AxesChartStyler.TextAlignment.Right);
        }

        int width = columnWidth(spec);
        int slots = spec.columns().size() * width;
        // XChart labels every category: a space (it cannot lay out an empty label) for the slots, the
        // row's name at its column's middle.
        List<String> categories = new ArrayList<>(Collections.nCopies(slots, " "));
        int iterations = 0;
        for (int c = 0; c < spec.columns().size(); c++) {
            categories.set(c * width + width / 2, spec.columns().get(c).label());
            for (DotChartSpec.Strip s : spec.columns().get(c).strips()) {
                iterations = Math.max(iterations, s.forks().stream().mapToInt(List::size).max().orElse(0));
            }
        }
        List<List<Double>> iterationYs = new ArrayList<>();
        for (int i = 0; i < iterations; i++) {
            iterationYs.add(new ArrayList<>(Collections.nCopies(slots, (Double) null)));
        }
        List<List<Double>> forkYs = new ArrayList<>();
        spec.files().forEach(f -> forkYs.add(new ArrayList<>(Collections.nCopies(slots, (Double) null))));
        double low = 1;
        double high = 1;
        for (int c = 0; c < spec.columns().size(); c++) {
            DotChartSpec.Column column = spec.columns().get(c);
            double median = column.median();
            for (int s = 0; s < column.strips().size(); s++) {
                List<List<Double>> forks = column.strips().get(s).forks();
                double[] means = column.strips().get(s).means();
                for (int f = 0; f < forks.size(); f++) {
                    int at = slot(spec, c, s, f, forks.size());
                    forkYs.get(s).set(at, means[f] / median);
                    for (int i = 0; i < forks.get(f).size(); i++) {
                        double y = forks.get(f).get(i) / median;
                        iterationYs.get(i).set(at, y);
                        low = Math.min(low, y);
                        high = Math.max(high, y);
                    }
                }
            }
        }
        // Iterations first, so the forks' dots are drawn over them.
        for (int i = 0; i < iterations; i++) {
            CategorySeries series = chart.addSeries(i == 0 ? "its iterations" : "iteration " + (i + 1), categories,
                    iterationYs.get(i));
            series.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
            series.setMarker(ITERATION_DOT);
            series.setMarkerColor(ITERATION);
            series.setShowInLegend(i == 0);
        }
        for (int s = 0; s < spec.files().size(); s++) {
            String name = spec.files().size() == 1 ? "one JVM (fork): the mean of its iterations"
                    : spec.files().get(s) + ": one JVM (fork)";
            CategorySeries series = chart.addSeries(name, categories, forkYs.get(s));
            series.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
            series.setMarker(FORK);
            series.setMarkerColor(ChartRenderer.PALETTE[s % ChartRenderer.PALETTE.length]);
        }
        CategorySeries median = chart.addSeries("the row's median fork", categories, Collections.nCopies(slots, 1.0));
        median.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        median.setMarker(SeriesMarkers.NONE);
        median.setLineColor(MEDIAN);
        median.setLineStyle(SeriesLines.DASH_DASH);

        double pad = Math.max(0.02, (high - low) * 0.08);
        styler.setYAxisMin(Math.max(0, low - pad));
        styler.setYAxisMax(high + pad);
        styler.setyAxisTickLabelsFormattingFunction(v -> Tables.number(v) + "x");
        return chart;
    }
}
