package dev.concurrencybench.report;

import java.util.List;

/**
 * The data of one chart, before any drawing: what {@link ChartRenderer} hands to XChart and what
 * the HTML and Markdown tables print. Tests check these values against the input rows.
 */
public sealed interface ChartSpec permits BarChartSpec, LineChartSpec, DotChartSpec, BandChartSpec {

    /** A file-safe name, unique within one report; the chart's files are {@code id.png} and {@code id.svg}. */
    String id();

    String title();

    /** One or two plain sentences: what the chart shows and the lesson in it. */
    String explanation();

    /** The results file(s) the figures come from. */
    String source();

    /** Caveats about the data, e.g. a missing SEQUENTIAL row or an assumed core count. */
    List<String> notes();
}
