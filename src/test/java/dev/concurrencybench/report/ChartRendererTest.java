package dev.concurrencybench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concurrencybench.report.BarChartSpec.Bar;
import dev.concurrencybench.report.BarChartSpec.Level;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;

class ChartRendererTest {

    @Test
    void aValueAboveABarKeepsAShortUnitAndLeavesALongOneToTheAxis() {
        Bar bar = new Bar("SEQUENTIAL", 0.04, Double.NaN, Double.NaN);
        assertEquals("0.04 ms/op", ChartRenderer.barAnnotation(bar, "ms/op"));
        assertEquals("0.04 cores", ChartRenderer.barAnnotation(bar, "cores"));
        assertEquals("0.04", ChartRenderer.barAnnotation(bar, "cores (jvm only)"));
        assertEquals("2.00x", ChartRenderer.barAnnotation(new Bar("FIXED_POOL", 2, 0.1, 1), "cores"));
    }

    @Test
    void aLevelIsALineTheLegendNames() {
        System.setProperty("java.awt.headless", "true");
        BarChartSpec spec = new BarChartSpec("c", "cores", "cores used (cores, CPU time / wall time)",
                List.of(new Bar("A", 0.03, 0.01, Double.NaN), new Bar("B", 1.6, 0.1, Double.NaN)), "", "", List.of(),
                List.of(new Level(0.1, "ideal: about 0")));
        CategoryChart chart = (CategoryChart) ChartRenderer.toChart(spec);
        assertTrue(chart.getSeriesMap().containsKey("ideal: about 0"), chart.getSeriesMap().keySet().toString());
        assertEquals(List.of(0.1, 0.1), chart.getSeriesMap().get("ideal: about 0").getYData());
    }
}
