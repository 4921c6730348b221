package dev.concurrencybench.report;

import dev.concurrencybench.results.ResultsFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a whole report for some runs into one folder: a PNG and an SVG per chart,
 * {@code index.html} and {@code report.md}. Files of the same names are replaced; nothing else in
 * the folder is touched.
 */
public final class Report {

    public static final String HTML = "index.html";
    public static final String MARKDOWN = "report.md";

    private Report() {
    }

    /** Plans, draws and writes the report; returns every file written. */
    public static List<Path> write(List<ResultsFile> runs, Path dir, Integer cores) throws IOException {
        ChartPlanner.Plan plan = ChartPlanner.plan(runs, cores);
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        for (ChartSpec chart : plan.charts()) {
            written.addAll(ChartRenderer.write(chart, dir));
        }
        Path html = dir.resolve(HTML);
        Files.writeString(html, HtmlReport.render(runs, plan), StandardCharsets.UTF_8);
        written.add(html);
        Path md = dir.resolve(MARKDOWN);
        Files.writeString(md, MarkdownReport.render(runs, plan), StandardCharsets.UTF_8);
        written.add(md);
        return written;
    }
}
