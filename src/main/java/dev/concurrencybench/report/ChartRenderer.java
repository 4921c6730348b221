package dev.concurrencybench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.knowm.xchart.style.lines.SeriesLines;

/**
 * Draws a {@link ChartSpec} with XChart and writes it as {@code id.png} and {@code id.svg}. All
 * decisions about the numbers are made before this class; it only chooses how they look.
 */
public final class ChartRenderer {

    public static final int WIDTH = 1000;
    public static final int HEIGHT = 600;

    private static final Color MEASURED = new Color(0x4C78A8);
    private static final Color IDEAL = new Color(0xD62728);
    private static final Color MARKER = new Color(0x7F7F7F);
    /** Units up to this long are written after the value above a bar (ms/op, ops/s, cores). */
    private static final int MAX_UNIT_ABOVE_BAR = 7;
    /** Bar labels longer than this, or more bars than fit flat, are drawn at an angle. */
    private static final int FLAT_LABEL_CHARS = 90;

    private ChartRenderer() {
    }

    /** Writes {@code dir/id.png} and {@code dir/id.svg}; returns the two paths. */
    public static List<Path> write(ChartSpec spec, Path dir) throws IOException {
        Chart<?, ?> chart = toChart(spec);
        Path png = dir.resolve(spec.id() + ".png");
        Path svg = dir.resolve(spec.id() + ".svg");
        try (OutputStream out = Files.newOutputStream(png)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        }
        try (OutputStream out = Files.newOutputStream(svg)) {
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        }
        return List.of(png, svg);
    }

    static Chart<?, ?> toChart(ChartSpec spec) {
        return switch (spec) {
            case BarChartSpec bars -> barChart(bars);
            case LineChartSpec lines -> lineChart(lines);
            case DotChartSpec dots -> DotChartRenderer.chart(dots);
            case BandChartSpec band -> BandChartRenderer.chart(band);
        };
    }

    /** The text above a bar: its measured/ideal ratio, or its value when it has no ideal. */
    static String barAnnotation(BarChartSpec.Bar bar, String unit) {
        if (!bar.remark().isEmpty()) {
            return bar.remark();
        }
        if (Double.isFinite(bar.ratio())) {
            return String.format(Locale.ROOT, "%.2fx", bar.ratio());
        }
        // A long unit, such as "cores (jvm only)", would run into the next bar's label; the axis names it.
        boolean shortUnit = !unit.isEmpty() && unit.length() <= MAX_UNIT_ABOVE_BAR;
        return Double.isFinite(bar.value()) ? Tables.number(bar.value()) + (shortUnit ? " " + unit : "") : "no value";
    }

    private static CategoryChart barChart(BarChartSpec spec) {
        CategoryChart chart = new CategoryChart(WIDTH, HEIGHT);
        chart.setTitle(spec.title());
        chart.setYAxisTitle(spec.yAxis());
        chart.setXAxisTitle("");
        var styler = chart.getStyler();
        common(styler);
        fitTitle(styler, spec.title(), false);
        // Bars of different series share a slot: each category has exactly one measured value.
        styler.setOverlapped(true);
        styler.setAvailableSpaceFill(0.6);
        styler.setErrorBarsColor(Color.BLACK);
        int labelChars = spec.bars().stream().mapToInt(b -> b.label().length() + 2).sum();
        if (labelChars > FLAT_LABEL_CHARS || spec.bars().size() > 8) {
            // Right-aligned, so each label ends at its own bar's tick.
            styler.setXAxisLabelRotation(45);
            styler.setXAxisLabelAlignment(AxesChartStyler.TextAlignment.Right);
        }

        List<String> labels = spec.bars().stream().map(BarChartSpec.Bar::label).toList();
        double levelTop = spec.levels().stream().mapToDouble(l -> finite(l.y())).max().orElse(0);
        double top = levelTop;
        for (BarChartSpec.Bar b : spec.bars()) {
            top = Math.max(top, finite(b.value()) + (Double.isFinite(b.error()) ? Math.max(0, b.error()) : 0));
            top = Math.max(top, finite(b.ideal()));
        }
        double yMax = top > 0 ? top * 1.15 : 1;
        styler.setYAxisMin(0.0);
        styler.setYAxisMax(yMax);
        styler.setyAxisTickLabelsFormattingFunction(ChartRenderer::tick);

        // One series per tag (a counter's exactness), so the colour and legend say it; else one series.
        Map<String, List<Double>> valuesByTag = new LinkedHashMap<>();
        Map<String, List<Double>> errorsByTag = new LinkedHashMap<>();
        for (BarChartSpec.Bar b : spec.bars()) {
            valuesByTag.computeIfAbsent(b.tag(), t -> new ArrayList<>());
            errorsByTag.computeIfAbsent(b.tag(), t -> new ArrayList<>());
        }
        List<Double> ideals = new ArrayList<>();
        for (BarChartSpec.Bar b : spec.bars()) {
            for (String tag : valuesByTag.keySet()) {
                boolean mine = tag.equals(b.tag());
                // XChart's error-bar series take no nulls; a zero bar draws nothing.
                valuesByTag.get(tag).add(mine && Double.isFinite(b.value()) ? b.value() : 0.0);
                // An unknown error is drawn as none rather than guessed.
                errorsByTag.get(tag).add(mine && Double.isFinite(b.error()) && b.error() > 0 ? b.error() : 0.0);
            }
            ideals.add(b.hasIdeal() ? b.ideal() : null);
        }
        int colour = 0;
        for (String tag : valuesByTag.keySet()) {
            // A counter's tag is documented, not measured: say so, since a run may happen not to show it.
            String name = tag.isEmpty() ? "measured (error bar: JMH 99.9% interval)"
                    : Languages.isLanguage(tag) ? tag + " (error bar: 99.9% interval)" : "by design: " + tag;
            CategorySeries measured = chart.addSeries(name, labels, valuesByTag.get(tag), errorsByTag.get(tag));
            measured.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Bar);
            measured.setFillColor(tagColour(tag, colour++));
        }
        if (spec.hasIdeal()) {
            CategorySeries ideal = chart.addSeries("ideal", labels, ideals);
            ideal.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
            ideal.setMarker(SeriesMarkers.DIAMOND);
            ideal.setMarkerColor(IDEAL);
        }
        for (BarChartSpec.Level level : spec.levels()) {
            // A line series across every category, so the legend names it.
            CategorySeries line = chart.addSeries(level.label(), labels, labels.stream().map(l -> level.y()).toList());
            line.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
            line.setLineColor(IDEAL);
            line.setLineStyle(SeriesLines.DASH_DASH);
            line.setMarker(SeriesMarkers.NONE);
        }
        String unit = shortUnit(spec.yAxis());
        for (int i = 0; i < spec.bars().size(); i++) {
            BarChartSpec.Bar b = spec.bars().get(i);
            // Above the bar, its ideal and any level, so no line crosses the text.
            double barTop = Math.max(finite(b.value()) + (Double.isFinite(b.error()) ? Math.max(0, b.error()) : 0),
                    Math.max(finite(b.ideal()), levelTop));
            // XChart puts category i's centre at x = i + 0.5 in annotation coordinates.
            chart.addAnnotation(new AnnotationText(barAnnotation(b, unit), i + 0.5, barTop + yMax * 0.035, false));
        }
        // Smaller text when the bars are close, so neighbouring labels do not run together.
        int size = spec.bars().size() > 10 ? 10 : spec.bars().size() > 8 ? 11 : 12;
        styler.setAnnotationTextFont(new Font(Font.SANS_SERIF, Font.PLAIN, size));
        styler.setAnnotationTextFontColor(Color.DARK_GRAY);
        return chart;
    }

    /** How many decades the plotted values span (log10 of max over min). */
    private static double decades(LineChartSpec spec) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (LineChartSpec.Series s : spec.series()) {
            for (LineChartSpec.Point p : s.points()) {
                if (Double.isFinite(p.y()) && p.y() > 0) {
                    min = Math.min(min, p.y());
                    max = Math.max(max, p.y());
                }
            }
        }
        return max > 0 ? Math.log10(max / min) : 0;
    }

    /** A tick label without exponents: 1,200 or 0.05 as they are, 16M for 16,000,000, 2G and so on. */
    static String tick(double v) {
        double a = Math.abs(v);
        if (a >= 1e9) {
            return Tables.number(v / 1e9) + "G";
        }
        if (a >= 1e6) {
            return Tables.number(v / 1e6) + "M";
        }
        if (a >= 1000 || a == 0) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return Tables.number(v);
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : 0;
    }

    /** {@code ms/op} from an axis title such as {@code time per call (ms/op, lower is better)}. */
    static String shortUnit(String axis) {
        int open = axis.indexOf('(');
        int comma = axis.indexOf(',', open + 1);
        return open >= 0 && comma > open ? axis.substring(open + 1, comma) : "";
    }

    private static Color tagColour(String tag, int index) {
        return switch (tag) {
            case "" -> MEASURED;
            case "exact" -> new Color(0x2CA02C);
            case "loses updates" -> new Color(0xFF7F0E);
            case Languages.PYTHON -> new Color(0xF2A93B);
            case Languages.PYTHON_NO_GIL -> new Color(0x54A24B);
            default -> index == 0 ? MEASURED : new Color(0x9E9E9E);
        };
    }

    /** The x tick label for run {@code i} (1-based) of a trend; the tables give the file names. */
    static String runTick(int i) {
        return "#" + i;
    }

    private static XYChart lineChart(LineChartSpec spec) {
        XYChart chart = new XYChart(WIDTH, HEIGHT);
        chart.setTitle(spec.title());
        chart.setXAxisTitle(spec.xAxis());
        chart.setYAxisTitle(spec.yAxis());
        var styler = chart.getStyler();
        common(styler);
        styler.setXAxisLogarithmic(spec.logX());
        styler.setYAxisLogarithmic(spec.logY());
        // Labels at 2, 3, ... 9 help within a decade or two and crowd the axis beyond that.
        styler.setYAxisLogarithmicDecadeOnly(decades(spec) > 2);
        if (spec.logY()) {
            // XChart's default switches to "2E3" above 1000 on a log axis.
            styler.setYAxisDecimalPattern("#,##0.###");
        } else {
            // A formatting function would replace XChart's log tick placement, so only on a linear axis.
            styler.setyAxisTickLabelsFormattingFunction(ChartRenderer::tick);
        }
        styler.setXAxisLogarithmicDecadeOnly(true);
        int longestName = spec.series().stream().mapToInt(s -> s.name().length()).max().orElse(0);
        if (spec.series().size() > 4 || longestName > 30) {
            // A horizontal legend does not wrap; a column on the right always fits.
            styler.setLegendPosition(Styler.LegendPosition.OutsideE);
            styler.setLegendLayout(Styler.LegendLayout.Vertical);
        }
        fitTitle(styler, spec.title(), styler.getLegendPosition() == Styler.LegendPosition.OutsideE);
        if (!spec.xTickLabels().isEmpty()) {
            // Ticks "#1", "#2", ...: XChart widens the tick step until labels are unique, so
            // rounding to whole numbers leaves exactly one tick per run.
            styler.setXAxisDecimalPattern("'#'0");
            styler.setXAxisMin(0.5);
            styler.setXAxisMax(spec.xTickLabels().size() + 0.5);
        } else if (spec.logX()) {
            styler.setXAxisDecimalPattern("#,###");
        }
        double top = 0;
        int colour = 0;
        for (LineChartSpec.Series s : spec.series()) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            List<Double> es = new ArrayList<>();
            for (LineChartSpec.Point p : s.points()) {
                // Log axes cannot show zero or negative values; such points are left out.
                if (!Double.isFinite(p.x()) || !Double.isFinite(p.y())
                        || (spec.logX() && p.x() <= 0) || (spec.logY() && p.y() <= 0)) {
                    continue;
                }
                xs.add(p.x());
                ys.add(p.y());
                double e = Double.isFinite(p.error()) && p.error() > 0 ? p.error() : 0.0;
                // On a log axis an error bar that reaches zero cannot be drawn.
                es.add(spec.logY() && e >= p.y() ? 0.0 : e);
                top = Math.max(top, p.y() + e);
            }
            if (xs.isEmpty()) {
                continue;
            }
            XYSeries series = s.ideal() ? chart.addSeries(s.name(), xs, ys) : chart.addSeries(s.name(), xs, ys, es);
            series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            if (s.ideal()) {
                series.setLineColor(IDEAL);
                series.setLineStyle(SeriesLines.DASH_DASH);
                series.setMarker(SeriesMarkers.NONE);
            } else {
                Color c = PALETTE[colour % PALETTE.length];
                series.setLineColor(c);
                series.setMarkerColor(c);
                series.setMarker(MARKERS[colour % MARKERS.length]);
                colour++;
            }
        }
        if (!spec.markers().isEmpty() && top > 0) {
            // Room above the highest point for the markers' labels.
            double labelY = spec.logY() ? top * 1.25 : top * 1.08;
            styler.setYAxisMax(spec.logY() ? top * 1.6 : top * 1.15);
            if (!spec.logY()) {
                styler.setYAxisMin(0.0);
            }
            for (LineChartSpec.Marker m : spec.markers()) {
                chart.addAnnotation(new AnnotationLine(m.x(), true, false));
                chart.addAnnotation(new AnnotationText(m.label(), m.x(), labelY, false));
            }
            styler.setAnnotationLineColor(MARKER);
            styler.setAnnotationLineStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {6f, 4f}, 0f));
            styler.setAnnotationTextFontColor(Color.DARK_GRAY);
            styler.setAnnotationTextFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        }
        return chart;
    }

    /** Shrinks a long title's font so it fits beside a legend column; XChart would cut it off. */
    static void fitTitle(AxesChartStyler styler, String title, boolean legendBeside) {
        int room = legendBeside ? 62 : 95;
        int size = title.length() <= room ? 16 : Math.max(11, 16 * room / title.length());
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, size));
    }

    static void common(AxesChartStyler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderVisible(false);
        styler.setPlotGridLinesColor(new Color(0xDDDDDD));
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setLegendBorderColor(Color.WHITE);
        styler.setChartTitleBoxVisible(false);
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setAntiAlias(true);
        styler.setLocale(Locale.ROOT);
    }

    static final Color[] PALETTE = {
        new Color(0x1F77B4), new Color(0xFF7F0E), new Color(0x2CA02C), new Color(0x9467BD),
        new Color(0x8C564B), new Color(0xE377C2), new Color(0x17BECF), new Color(0xBCBD22), new Color(0x393B79),
        new Color(0x98DF8A), new Color(0x7F7F7F), new Color(0x000000),
    };

    private static final org.knowm.xchart.style.markers.Marker[] MARKERS = {
        SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.TRIANGLE_UP, SeriesMarkers.DIAMOND,
        SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.CROSS, SeriesMarkers.OVAL, SeriesMarkers.RECTANGLE, SeriesMarkers.PLUS,
    };
}
