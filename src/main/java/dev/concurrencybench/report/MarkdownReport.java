package dev.concurrencybench.report;

import dev.concurrencybench.results.ResultsFile;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The report's {@code report.md}: the same content as the HTML page in GitHub-flavoured Markdown,
 * with each chart's PNG linked by a relative path so it renders when the folder is committed.
 */
final class MarkdownReport {

    private MarkdownReport() {
    }

    static String render(List<ResultsFile> runs, ChartPlanner.Plan plan) {
        StringBuilder m = new StringBuilder("# concurrency-bench report\n\n");
        m.append(runs.size() == 1 ? "From one results file: " : "From " + runs.size() + " results files, oldest first: ")
                .append(String.join(", ", runs.stream().map(r -> "`" + r.name() + "`").toList()))
                .append(". Each chart is drawn from the newest file that has its benchmark; red marks are the ideal.\n\n");
        for (String b : plan.banners()) {
            // A GitHub alert; elsewhere a plain quote.
            m.append("> [!WARNING]\n> ").append(b).append("\n\n");
        }

        m.append("## Runs\n\n");
        Set<String> keys = new LinkedHashSet<>();
        runs.forEach(r -> keys.addAll(Runs.display(r).keySet()));
        m.append("| |");
        runs.forEach(r -> m.append(' ').append(cell(r.name())).append(" |"));
        m.append("\n|---|");
        runs.forEach(r -> m.append("---|"));
        m.append("\n| sidecar |");
        runs.forEach(r -> m.append(r.environment().isPresent() ? " yes |" : " no sidecar |"));
        m.append('\n');
        for (String k : keys) {
            m.append("| ").append(cell(k)).append(" |");
            runs.forEach(r -> m.append(' ').append(cell(Runs.display(r).getOrDefault(k, ""))).append(" |"));
            m.append('\n');
        }
        m.append('\n');
        for (String n : plan.notes()) {
            m.append("- ").append(n).append('\n');
        }
        if (!plan.notes().isEmpty()) {
            m.append('\n');
        }

        for (ChartSpec c : plan.charts()) {
            m.append("## ").append(c.title()).append("\n\n").append(c.explanation()).append("\n\n")
                    .append("![").append(c.title().replace("]", "")).append("](").append(c.id()).append(".png)\n\n")
                    .append("From `").append(c.source()).append("`. [SVG](").append(c.id()).append(".svg)\n\n");
            Tables.Table t = Tables.of(c);
            m.append('|');
            t.header().forEach(h -> m.append(' ').append(cell(h)).append(" |"));
            // Names left, numbers right.
            m.append("\n|---|");
            t.header().stream().skip(1).forEach(h -> m.append("---:|"));
            m.append('\n');
            for (List<String> row : t.rows()) {
                m.append('|');
                row.forEach(v -> m.append(' ').append(cell(v)).append(" |"));
                m.append('\n');
            }
            m.append('\n');
            for (String n : c.notes()) {
                m.append("> ").append(n).append("\n>\n");
            }
            if (!c.notes().isEmpty()) {
                m.setLength(m.length() - 2);
                m.append('\n');
            }
        }
        return m.toString();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
