package dev.concurrencybench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concurrencybench.report.BandChartSpec.Level;
import dev.concurrencybench.report.BandChartSpec.Line;
import dev.concurrencybench.report.BandChartSpec.Mark;
import dev.concurrencybench.report.BandChartSpec.Point;
import dev.concurrencybench.report.BandChartSpec.Tone;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

class BandChartRendererTest {

    static BandChartSpec spec(int runs, double outlierHigh) {
        List<Point> points = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            double y = i >= 6 ? 1.08 : 1.0;
            points.add(new Point(i, y, y - 0.01, i == 2 ? outlierHigh : y + 0.01, i == 7));
        }
        return new BandChartSpec("h", "IoBoundBenchmark.sleepTasks model=SEQUENTIAL (ss)", "time ratio, head / anchor", "run",
                runs, List.of(new Line("head / anchor", points)),
                List.of(new Level(1, 5, 1.0, 0.99, 1.01, Tone.PLAIN), new Level(6, runs, 1.08, 1.07, 1.09, Tone.REGRESSION)),
                List.of(new Mark(5.5, "run 6 +8.0%", Tone.REGRESSION)), new BandChartSpec.Reference(1, "1 = as fast as the anchor"),
                "", "", List.of());
    }

    @Test
    void theBandIsAPolygonAroundTheRunsAndTheLevelsAndChangePointsAreColouredByTheirTone() {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = (XYChart) ChartRenderer.toChart(spec(8, 1.01));
        XYSeries band = chart.getSeriesMap().get("head / anchor: 95% interval");
        assertEquals(XYSeries.XYSeriesRenderStyle.PolygonArea, band.getXYSeriesRenderStyle());
        assertEquals(16, band.getXData().length, "upper ends left to right, lower ends back");
        assertEquals(1.01, band.getYData()[0], 1e-12);
        assertEquals(0.99, band.getYData()[15], 1e-12);
        XYSeries line = chart.getSeriesMap().get("head / anchor");
        assertEquals(SeriesMarkers.CIRCLE, line.getMarker(), "few runs: a marker each");
        XYSeries flagged = chart.getSeriesMap().get("head / anchor: flagged by ab");
        assertEquals(List.of(7.0), java.util.Arrays.stream(flagged.getXData()).boxed().toList());
        Optional<XYSeries> redLevel = chart.getSeriesMap().values().stream()
                .filter(s -> "level after a regression".equals(s.getLabel())).findFirst();
        assertTrue(redLevel.isPresent());
        assertEquals(BandChartRenderer.REGRESSION, redLevel.get().getLineColor());
        assertTrue(chart.getSeriesMap().values().stream().anyMatch(s -> s.getLabel().startsWith("change point")
                && s.getLineColor().equals(BandChartRenderer.REGRESSION) && s.getXData()[0] == 5.5));
    }

    @Test
    void manyRunsHaveNoMarkersAndOneHugeIntervalDoesNotFlattenTheRest() {
        BandChartSpec spec = spec(1000, 50);
        XYChart chart = (XYChart) ChartRenderer.toChart(spec);
        assertEquals(SeriesMarkers.NONE, chart.getSeriesMap().get("head / anchor").getMarker());
        double[] range = BandChartRenderer.range(spec);
        assertTrue(range[1] < 1.5, "the axis stops near the runs, not at 50: " + range[1]);
        assertTrue(range[0] < 0.99 && range[1] > 1.09);
    }

    @Test
    void theRunAxisHoldsEveryRun() {
        XYChart chart = (XYChart) ChartRenderer.toChart(spec(8, 1.01));
        assertEquals(0.5, chart.getStyler().getXAxisMin());
        assertEquals(8.5, chart.getStyler().getXAxisMax());
        assertEquals(List.of(0.5, 8.5), java.util.Arrays.stream(chart.getSeriesMap().get("1 = as fast as the anchor").getXData())
                .boxed().toList(), "the reference line spans the axis");
    }

    @Test
    void itIsWrittenAsPngAndSvg(@TempDir Path dir) throws Exception {
        List<Path> files = ChartRenderer.write(spec(8, 1.01), dir);
        assertTrue(Files.size(files.get(0)) > 1000);
        String svg = Files.readString(files.get(1));
        assertTrue(svg.contains("<svg"));
        assertFalse(svg.contains("http://") && svg.contains("xlink:href=\"http"), "no external reference");
    }

    @Test
    void everyBenchmarkALessonClaimsHasItsTitle() {
        assertEquals(Optional.of("CPU-bound"), ChartPlanner.lessonTitle("CpuBoundBenchmark.fibList"));
        assertEquals(Optional.of("IO-bound"), ChartPlanner.lessonTitle("IoBoundBenchmark.sleepTasks"));
        assertEquals(Optional.empty(), ChartPlanner.lessonTitle("Elsewhere.bench"));
        assertEquals(7, ChartPlanner.lessonTitles().size());
    }
}
