package dev.concurrencybench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws a {@link BandChartSpec} as an XChart XY chart: each line's band as a filled polygon (the upper
 * ends left to right, the lower ends back), the line over it, flagged runs as red dots, each segment's
 * level as a thick line coloured by its tone, and each change point as a dashed vertical line. A line of
 * many runs is drawn without markers, so a thousand runs stay a readable line.
 */
final class BandChartRenderer {

    /** Lines with more runs than this get no marker per run. */
    static final int MARKERS_UP_TO = 120;
    /** Change points beyond this many are drawn without a label. */
    static final int LABELS_UP_TO = 12;

    static final Color REGRESSION = new Color(0xD62728);
    static final Color IMPROVEMENT = new Color(0x2CA02C);
    private static final Color PLAIN = new Color(0x555555);
    private static final Color REFERENCE = new Color(0x7F7F7F);

    private BandChartRenderer() {
    }

    static XYChart chart(BandChartSpec spec) {
        XYChart chart = new XYChart(ChartRenderer.WIDTH, ChartRenderer.HEIGHT);
        chart.setTitle(spec.title());
        chart.setXAxisTitle(spec.xAxis());
        chart.setYAxisTitle(spec.yAxis());
        var styler = chart.getStyler();
        ChartRenderer.common(styler);
        ChartRenderer.fitTitle(styler, spec.title(), false);
        styler.setyAxisTickLabelsFormattingFunction(ChartRenderer::tick);
        int runs = Math.max(1, spec.runs());
        styler.setXAxisMin(0.5);
        styler.setXAxisMax(runs + 0.5);
        // Whole runs only: XChart widens the tick step until its labels differ, so no tick falls between runs.
        styler.setXAxisDecimalPattern("#,##0");
        double[] range = range(spec);
        styler.setYAxisMin(range[0]);
        styler.setYAxisMax(range[1]);

        int colour = 0;
        boolean flaggedShown = false;
        for (BandChartSpec.Line line : spec.lines()) {
            if (line.points().isEmpty()) {
                continue;
            }
            Color c = ChartRenderer.PALETTE[colour++ % ChartRenderer.PALETTE.length];
            List<Double> bx = new ArrayList<>();
            List<Double> by = new ArrayList<>();
            for (BandChartSpec.Point p : line.points()) {
                bx.add(p.x());
                by.add(clamp(p.high(), range));
            }
            for (int i = line.points().size() - 1; i >= 0; i--) {
                bx.add(line.points().get(i).x());
                by.add(clamp(line.points().get(i).low(), range));
            }
            XYSeries band = chart.addSeries(line.name() + ": 95% interval", bx, by);
            band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
            band.setFillColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 50));
            band.setLineColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 0));
            band.setMarker(SeriesMarkers.NONE);
            band.setLabel(spec.lines().size() == 1 ? "95% interval" : line.name() + ": 95% interval");

            List<Double> xs = line.points().stream().map(BandChartSpec.Point::x).toList();
            List<Double> ys = line.points().stream().map(BandChartSpec.Point::y).toList();
            XYSeries s = chart.addSeries(line.name(), xs, ys);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setLineColor(c);
            s.setLineWidth(1.2f);
            s.setMarkerColor(c);
            s.setMarker(line.points().size() <= MARKERS_UP_TO ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);

            List<BandChartSpec.Point> flagged = line.points().stream().filter(BandChartSpec.Point::flagged).toList();
            if (!flagged.isEmpty()) {
                XYSeries f = chart.addSeries(line.name() + ": flagged by ab",
                        flagged.stream().map(BandChartSpec.Point::x).toList(), flagged.stream().map(BandChartSpec.Point::y).toList());
                f.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                f.setMarker(SeriesMarkers.CIRCLE);
                f.setMarkerColor(REGRESSION);
                f.setLabel("flagged by ab");
                f.setShowInLegend(!flaggedShown);
                flaggedShown = true;
            }
        }
        Set<BandChartSpec.Tone> named = EnumSet.noneOf(BandChartSpec.Tone.class);
        int i = 0;
        for (BandChartSpec.Level l : spec.levels()) {
            XYSeries s = chart.addSeries("level " + i++, List.of(l.from() - 0.4, l.to() + 0.4), List.of(l.y(), l.y()));
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setLineColor(colour(l.tone()));
            s.setLineWidth(3f);
            s.setMarker(SeriesMarkers.NONE);
            s.setShowInLegend(named.add(l.tone()));
            s.setLabel(levelName(l.tone()));
        }
        boolean markNamed = false;
        int k = 0;
        for (BandChartSpec.Mark m : spec.marks()) {
            XYSeries s = chart.addSeries("mark " + i++, List.of(m.x(), m.x()), List.of(range[0], range[1]));
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setLineColor(colour(m.tone()));
            s.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            s.setMarker(SeriesMarkers.NONE);
            s.setShowInLegend(!markNamed);
            s.setLabel("change point");
            markNamed = true;
            if (spec.marks().size() <= LABELS_UP_TO) {
                // Three heights in turn, so the labels of change points close together do not overlap.
                double y = range[1] - (range[1] - range[0]) * (0.03 + 0.045 * (k++ % 3));
                chart.addAnnotation(new AnnotationText(m.label(), m.x(), y, false));
            }
        }
        if (spec.reference() != null) {
            XYSeries s = chart.addSeries(spec.reference().label(), List.of(0.5, runs + 0.5),
                    List.of(spec.reference().y(), spec.reference().y()));
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setLineColor(REFERENCE);
            s.setLineStyle(SeriesLines.DASH_DASH);
            s.setMarker(SeriesMarkers.NONE);
        }
        styler.setAnnotationTextFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        styler.setAnnotationTextFontColor(Color.DARK_GRAY);
        return chart;
    }

    private static String levelName(BandChartSpec.Tone tone) {
        return switch (tone) {
            case PLAIN -> "level";
            case REGRESSION -> "level after a regression";
            case IMPROVEMENT -> "level after an improvement";
        };
    }

    private static Color colour(BandChartSpec.Tone tone) {
        return switch (tone) {
            case PLAIN -> PLAIN;
            case REGRESSION -> REGRESSION;
            case IMPROVEMENT -> IMPROVEMENT;
        };
    }

    /**
     * The value axis: every run's value, every level and the reference, and the bands as far as they
     * go within twice that span beyond it, so one run with a huge interval does not flatten the rest.
     */
    static double[] range(BandChartSpec spec) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (BandChartSpec.Line line : spec.lines()) {
            for (BandChartSpec.Point p : line.points()) {
                lo = Math.min(lo, p.y());
                hi = Math.max(hi, p.y());
            }
        }
        for (BandChartSpec.Level l : spec.levels()) {
            lo = Math.min(lo, l.y());
            hi = Math.max(hi, l.y());
        }
        if (spec.reference() != null) {
            lo = Math.min(lo, spec.reference().y());
            hi = Math.max(hi, spec.reference().y());
        }
        if (!(lo <= hi)) {
            return new double[] {0, 2};
        }
        double span = Math.max(hi - lo, 0.02 * Math.max(Math.abs(hi), 1e-9));
        double bandLo = lo;
        double bandHi = hi;
        for (BandChartSpec.Line line : spec.lines()) {
            for (BandChartSpec.Point p : line.points()) {
                bandLo = Math.min(bandLo, Math.max(p.low(), lo - 2 * span));
                bandHi = Math.max(bandHi, Math.min(p.high(), hi + 2 * span));
            }
        }
        double pad = 0.06 * (bandHi - bandLo + span * 0.1);
        return new double[] {bandLo - pad, bandHi + pad};
    }

    private static double clamp(double v, double[] range) {
        return Double.isFinite(v) ? Math.max(range[0], Math.min(range[1], v)) : v > 0 ? range[1] : range[0];
    }
}
