package dev.concurrencybench.report;

import dev.concurrencybench.results.ResultsFile;
import java.util.List;
import java.util.Map;

/**
 * The report's {@code index.html}: one page with inline CSS that shows each chart's PNG from the
 * same folder (with a link to its SVG), its explanation and the figures behind it, and the
 * environment of every run. It loads nothing from anywhere else: no scripts, fonts or styles.
 */
final class HtmlReport {

    private HtmlReport() {
    }

    static String render(List<ResultsFile> runs, ChartPlanner.Plan plan) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>concurrency-bench report</title>\n<style>\n")
                .append(Html.STYLE)
                .append("table.env td{text-align:left}\n")
                .append(plan.banners().isEmpty() ? "" : ".banner{background:#fff4ce;border:1px solid #e0b400;padding:.5em 1em;margin:.5em 0}\n")
                .append("section{margin-bottom:2.5em}\n</style>\n</head>\n<body>\n")
                .append("<h1>concurrency-bench report</h1>\n<p>")
                .append(runs.size() == 1 ? "From one results file: " : "From " + runs.size() + " results files, oldest first: ")
                .append(esc(String.join(", ", runs.stream().map(ResultsFile::name).toList())))
                .append(". Each chart is drawn from the newest file that has its benchmark; red marks are the ideal,"
                        + " the best any schedule could do on the machine that ran it.</p>\n");
        for (String b : plan.banners()) {
            h.append("<div class=\"banner\" role=\"alert\"><strong>Warning:</strong> ").append(esc(b)).append("</div>\n");
        }

        h.append("<h2>Runs</h2>\n");
        for (ResultsFile run : runs) {
            h.append("<h3>").append(esc(run.name())).append("</h3>\n");
            Map<String, String> env = Runs.display(run);
            if (run.environment().isEmpty()) {
                h.append("<p class=\"note\">No environment sidecar beside this file: CPU, cores, memory and OS are unknown.</p>\n");
            }
            if (!env.isEmpty()) {
                h.append("<table class=\"env\">\n");
                env.forEach((k, v) -> h.append("<tr><th>").append(esc(k)).append("</th><td>").append(esc(v)).append("</td></tr>\n"));
                h.append("</table>\n");
            }
        }
        if (!plan.notes().isEmpty()) {
            h.append("<h2>Notes</h2>\n<ul>\n");
            plan.notes().forEach(n -> h.append("<li>").append(esc(n)).append("</li>\n"));
            h.append("</ul>\n");
        }

        h.append("<h2>Charts</h2>\n<ul>\n");
        for (ChartSpec c : plan.charts()) {
            h.append("<li><a href=\"#").append(c.id()).append("\">").append(esc(c.title())).append("</a></li>\n");
        }
        h.append("</ul>\n");
        for (ChartSpec c : plan.charts()) {
            h.append("<section id=\"").append(c.id()).append("\">\n<h3>").append(esc(c.title())).append("</h3>\n")
                    .append("<p>").append(esc(c.explanation())).append("</p>\n")
                    .append("<img src=\"").append(c.id()).append(".png\" width=\"").append(ChartRenderer.WIDTH)
                    .append("\" height=\"").append(ChartRenderer.HEIGHT).append("\" alt=\"").append(esc(c.title())).append("\">\n")
                    .append("<p class=\"note\"><a href=\"").append(c.id()).append(".svg\">SVG</a> · from ")
                    .append(esc(c.source())).append("</p>\n");
            table(h, Tables.of(c));
            for (String n : c.notes()) {
                h.append("<p class=\"note\">").append(esc(n)).append("</p>\n");
            }
            h.append("</section>\n");
        }
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static void table(StringBuilder h, Tables.Table t) {
        h.append("<table>\n<tr>");
        t.header().forEach(c -> h.append("<th>").append(esc(c)).append("</th>"));
        h.append("</tr>\n");
        for (List<String> row : t.rows()) {
            h.append("<tr>");
            row.forEach(c -> h.append("<td>").append(esc(c)).append("</td>"));
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    static String esc(String s) {
        return Html.esc(s);
    }
}
