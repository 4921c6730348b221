package dev.concurrencybench.history;

import dev.concurrencybench.report.BandChartSpec;
import dev.concurrencybench.report.ChartPlanner;
import dev.concurrencybench.report.ChartRenderer;
import dev.concurrencybench.report.Html;
import dev.concurrencybench.results.BenchmarkResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code history report}: the dashboard. One chart per row of its ratio against the anchor, run after
 * run ({@link BandChartSpec}, drawn by report's renderer as PNG and SVG); an index of the rows grouped
 * by the report's lessons; the latest change points, newest first, each linking to its row's chart;
 * and, when the store has them, the push gate's per-commit series. One {@code index.html} with an
 * inline style, loading nothing from anywhere else.
 */
final class Dashboard {

    static final String HTML = "index.html";
    /** The latest change points listed at the top; the charts show every one. */
    static final int LATEST = 30;
    static final String OTHER = "Other benchmarks";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Dashboard() {
    }

    /** One row's chart, and the figures its section prints. */
    private record RowChart(String row, String name, String lesson, BandChartSpec spec, List<Check.Finding> findings) {
    }

    /** Writes the dashboard into {@code dir}; returns the number of charts. */
    static int write(Check check, Path dir) throws IOException {
        Files.createDirectories(dir);
        Set<String> ids = new HashSet<>();
        List<RowChart> anchored = anchorCharts(check, ids);
        List<RowChart> commits = commitCharts(check, ids);
        List<BandChartSpec> all = new ArrayList<>();
        anchored.forEach(c -> all.add(c.spec()));
        commits.forEach(c -> all.add(c.spec()));
        try {
            // Each chart is drawn on its own; two cores draw twice as many.
            all.parallelStream().forEach(spec -> {
                try {
                    ChartRenderer.write(spec, dir);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        Files.writeString(dir.resolve(HTML), html(check, anchored, commits), StandardCharsets.UTF_8);
        return all.size();
    }

    private static List<RowChart> anchorCharts(Check check, Set<String> ids) {
        Map<String, List<Check.Finding>> byRow = new LinkedHashMap<>();
        check.findings().forEach(f -> byRow.computeIfAbsent(f.line().row(), k -> new ArrayList<>()).add(f));
        List<RowChart> out = new ArrayList<>();
        byRow.forEach((row, findings) -> {
            Entry first = findings.get(0).line().first();
            String name = check.name(row);
            List<Instant> times = new ArrayList<>();
            findings.forEach(f -> f.line().points().forEach(p -> times.add(p.entry().instant())));
            times.sort(null);
            List<BandChartSpec.Line> lines = new ArrayList<>();
            List<BandChartSpec.Level> levels = new ArrayList<>();
            List<BandChartSpec.Mark> marks = new ArrayList<>();
            for (Check.Finding f : findings) {
                List<BandChartSpec.Point> points = new ArrayList<>();
                List<Lines.Point> ps = f.line().points();
                for (int i = 0; i < ps.size(); i++) {
                    Lines.Point p = ps.get(i);
                    points.add(new BandChartSpec.Point(f.run(i), p.ratio(), p.low(), p.high(),
                            "regression".equals(p.entry().verdict())));
                }
                String lineName = findings.size() == 1 ? "head / anchor" : "line " + (f.line().lineage() + 1)
                        + " (anchor " + shortAnchor(f.line().anchors().get(0)) + ")";
                lines.add(new BandChartSpec.Line(lineName, points));
                List<ChangePoints.Segment> segments = f.result().segments();
                for (int k = 0; k < segments.size(); k++) {
                    ChangePoints.Segment s = segments.get(k);
                    double half = ChangePoints.Z95 * Math.sqrt(s.variance());
                    BandChartSpec.Tone tone = k == 0 ? BandChartSpec.Tone.PLAIN
                            : tone(check.settings().judge(f.result().changes().get(k - 1).size()));
                    levels.add(new BandChartSpec.Level(f.run(s.from()), f.run(s.to() - 1), Math.exp(s.mean()),
                            Math.exp(s.mean() - half), Math.exp(s.mean() + half), tone));
                }
                for (ChangePoints.Change c : f.result().changes()) {
                    marks.add(new BandChartSpec.Mark(f.run(c.at()) - 0.5, "run " + f.run(c.at()) + " "
                            + CheckFormat.percent(c.size()), tone(check.settings().judge(c.size()))));
                }
            }
            String explanation = "Each point is one run of ab: this row's time per operation with the head build over the"
                    + " same with the anchor build, measured on one machine in one run (above 1 is slower; for a throughput"
                    + " row, the inverse of its ratio of rates), with its 95% interval shaded. Thick lines are the levels"
                    + " between change points, red after a regression; dashed lines are the change points.";
            List<String> notes = notes(findings);
            BandChartSpec spec = new BandChartSpec(id("history " + name, ids), name + " (" + first.mode() + ")",
                    "time ratio, head / anchor", "run, oldest first: " + span(times), times.size(), lines, levels, marks,
                    new BandChartSpec.Reference(1, "1 = the anchor"), explanation,
                    findings.stream().mapToInt(f -> f.line().points().size()).sum() + " runs in the store", notes);
            out.add(new RowChart(row, name, lesson(first), spec, findings));
        });
        return out;
    }

    private static List<String> notes(List<Check.Finding> findings) {
        List<String> notes = new ArrayList<>();
        for (Check.Finding f : findings) {
            if (f.line().anchors().size() > 1) {
                notes.add("The anchor moved " + (f.line().anchors().size() - 1) + (f.line().anchors().size() == 2 ? " time" : " times")
                        + " (" + String.join(" → ", f.line().anchors().stream().map(Dashboard::shortAnchor).toList())
                        + "); later runs are chained to the first anchor through the link runs, whose error widens their band.");
            }
            if (f.line().lineage() > 0) {
                notes.add("Line " + (f.line().lineage() + 1) + " is measured against an anchor no link run reaches from the"
                        + " first one, so it stands on its own scale.");
            }
            notes.add(String.format(Locale.ROOT, "Run-to-run spread beyond each run's own interval (tau): %.2f%%%s.",
                    100 * Math.sqrt(f.result().tau2()), findings.size() > 1 ? " on line " + (f.line().lineage() + 1) : ""));
        }
        return notes;
    }

    private static List<RowChart> commitCharts(Check check, Set<String> ids) {
        Map<String, List<Lines.Line>> byRow = new LinkedHashMap<>();
        check.commitLines().forEach(l -> byRow.computeIfAbsent(l.row(), k -> new ArrayList<>()).add(l));
        List<RowChart> out = new ArrayList<>();
        byRow.forEach((row, lines) -> {
            String name = check.name(row);
            List<Instant> times = new ArrayList<>();
            lines.forEach(l -> l.points().forEach(p -> times.add(p.entry().instant())));
            times.sort(null);
            List<BandChartSpec.Line> drawn = new ArrayList<>();
            int x = 1;
            for (Lines.Line l : lines) {
                List<BandChartSpec.Point> points = new ArrayList<>();
                for (Lines.Point p : l.points()) {
                    points.add(new BandChartSpec.Point(x++, p.ratio(), p.low(), p.high(), "regression".equals(p.entry().verdict())));
                }
                drawn.add(new BandChartSpec.Line("since " + shortAnchor(l.anchors().get(0)), points));
            }
            Entry first = lines.get(0).first();
            BandChartSpec spec = new BandChartSpec(id("commits " + name, ids), name + " (" + first.mode() + "), commit by commit",
                    "time ratio since the first commit", "push to main, oldest first: " + span(times), times.size(), drawn,
                    List.of(), List.of(),
                    new BandChartSpec.Reference(1, "1 = the first commit"),
                    "Each point is the push gate's ratio of one commit against the one before, multiplied along the commits:"
                            + " how far the row has moved since the first. Every link adds its error, so the band widens;"
                            + " a red dot is a push the gate flagged.", times.size() + " pushes", List.of());
            out.add(new RowChart(row, name, lesson(first), spec, List.of()));
        });
        return out;
    }

    private static BandChartSpec.Tone tone(Check.Judgement j) {
        return switch (j) {
            case REGRESSION -> BandChartSpec.Tone.REGRESSION;
            case IMPROVEMENT -> BandChartSpec.Tone.IMPROVEMENT;
            case SMALL -> BandChartSpec.Tone.PLAIN;
        };
    }

    private static String lesson(Entry e) {
        return ChartPlanner.lessonTitle(BenchmarkResult.RowKey.shortName(e.benchmark())).orElse(OTHER);
    }

    /** E.g. {@code 2026-09-01 to 2026-10-30 (UTC)}, with the times of day when the runs span less than two days. */
    static String span(List<Instant> times) {
        Instant first = times.get(0);
        Instant last = times.get(times.size() - 1);
        DateTimeFormatter f = Duration.between(first, last).toDays() < 2 ? MINUTE : DAY;
        return f.format(first) + " to " + f.format(last) + " (UTC)";
    }

    private static String shortAnchor(String id) {
        return id.length() > 10 && id.matches("[0-9a-f]{11,}") ? id.substring(0, 10) : id;
    }

    /** A file-safe id, unique in this dashboard. */
    static String id(String description, Set<String> ids) {
        String base = description.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        base = base.length() > 80 ? base.substring(0, 80).replaceAll("-$", "") : base;
        String id = base;
        for (int i = 2; !ids.add(id); i++) {
            id = base + "-" + i;
        }
        return id;
    }

    private static String html(Check check, List<RowChart> anchored, List<RowChart> commits) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>concurrency-bench history</title>\n<style>\n").append(Html.STYLE)
                .append(".regression{color:#b00020;font-weight:bold}\n.improvement{color:#1b7f1b}\n")
                .append(".banner{background:#fde7e9;border:1px solid #d62728;padding:.5em 1em;margin:.5em 0}\n")
                .append("ul.rows{columns:2}\nsection{margin-bottom:2.5em}\n</style>\n</head>\n<body>\n<h1>concurrency-bench history</h1>\n")
                .append("<p>").append(Html.esc(CheckFormat.heading(check))).append(". Each row's series is its ratio against a")
                .append(" fixed anchor build, measured on one machine in one run of <code>ab</code>, so the runner's own")
                .append(" speed cancels out (docs/history.md).</p>\n");
        String summary = CheckFormat.summary(check);
        h.append(check.regression() ? "<p class=\"banner\" role=\"alert\">" : "<p>").append(Html.esc(summary)).append("</p>\n");
        Map<String, String> ids = new LinkedHashMap<>();
        anchored.forEach(c -> ids.put(c.row(), c.spec().id()));

        h.append("<h2 id=\"latest\">Latest change points</h2>\n");
        List<Check.Dated> dated = check.changesNewestFirst();
        if (dated.isEmpty()) {
            h.append("<p>No change point in any row.</p>\n");
        } else {
            h.append("<table>\n<tr><th>row</th><th>run</th><th>date (UTC)</th><th>commits</th><th>change</th>")
                    .append("<th>95% interval</th><th>p</th><th>verdict</th></tr>\n");
            for (Check.Dated d : dated.subList(0, Math.min(LATEST, dated.size()))) {
                Check.Finding f = d.finding();
                ChangePoints.Change c = d.change();
                Check.Judgement j = check.settings().judge(c.size());
                h.append("<tr><td><a href=\"#").append(ids.get(f.line().row())).append("\">").append(Html.esc(f.name()))
                        .append("</a></td><td>").append(f.run(c.at())).append("</td><td>").append(CheckFormat.when(d.time()))
                        .append("</td><td>").append(Html.esc(CheckFormat.commits(f, c))).append("</td><td>")
                        .append(CheckFormat.percent(c.size())).append("</td><td>[").append(CheckFormat.percent(c.low()))
                        .append(", ").append(CheckFormat.percent(c.high())).append("]</td><td>")
                        .append(CheckFormat.p(c.p()).replace("p ", "")).append("</td><td class=\"")
                        .append(j == Check.Judgement.SMALL ? "" : j.name().toLowerCase(Locale.ROOT)).append("\">")
                        .append(Html.esc(j.label)).append("</td></tr>\n");
            }
            h.append("</table>\n");
            if (dated.size() > LATEST) {
                h.append("<p class=\"note\">The newest ").append(LATEST).append(" of ").append(dated.size())
                        .append(" change points; every one is on its row's chart.</p>\n");
            }
        }

        Map<String, List<RowChart>> byLesson = byLesson(anchored);
        h.append("<h2 id=\"rows\">Rows by lesson</h2>\n");
        byLesson.forEach((lesson, charts) -> {
            h.append("<h3>").append(Html.esc(lesson)).append("</h3>\n<ul class=\"rows\">\n");
            for (RowChart c : charts) {
                Check.Finding last = c.findings().get(c.findings().size() - 1);
                ChangePoints.Segment s = last.result().segments().get(last.result().segments().size() - 1);
                Check.Judgement j = last.latest(check.settings());
                int changes = c.findings().stream().mapToInt(f -> f.result().changes().size()).sum();
                h.append("<li><a href=\"#").append(c.spec().id()).append("\">").append(Html.esc(c.name())).append("</a>: ")
                        .append(String.format(Locale.ROOT, "%.3f", Math.exp(s.mean()))).append(", ").append(changes)
                        .append(changes == 1 ? " change point" : " change points")
                        .append(j == Check.Judgement.REGRESSION ? " <span class=\"regression\">newest: regression</span>" : "")
                        .append("</li>\n");
            }
            h.append("</ul>\n");
        });
        byLesson.forEach((lesson, charts) -> {
            h.append("<h2>").append(Html.esc(lesson)).append("</h2>\n");
            charts.forEach(c -> section(h, c.spec()));
        });
        if (!commits.isEmpty()) {
            h.append("<h2 id=\"commits\">Commit by commit (the push gate)</h2>\n<p>Each push to main measured against the")
                    .append(" commit before it; the ratios multiply along the commits, so these lines show creep, with")
                    .append(" an error that grows at every link. <code>history check</code> tests the anchor series only.</p>\n");
            byLesson(commits).forEach((lesson, charts) -> charts.forEach(c -> section(h, c.spec())));
        }
        return h.append("</body>\n</html>\n").toString();
    }

    private static Map<String, List<RowChart>> byLesson(List<RowChart> charts) {
        Map<String, List<RowChart>> out = new LinkedHashMap<>();
        ChartPlanner.lessonTitles().forEach(t -> out.put(t, new ArrayList<>()));
        out.put(OTHER, new ArrayList<>());
        charts.forEach(c -> out.get(c.lesson()).add(c));
        out.values().removeIf(List::isEmpty);
        return out;
    }

    private static void section(StringBuilder h, BandChartSpec spec) {
        h.append("<section id=\"").append(spec.id()).append("\">\n<h3>").append(Html.esc(spec.title())).append("</h3>\n")
                .append("<img src=\"").append(spec.id()).append(".png\" width=\"").append(ChartRenderer.WIDTH)
                .append("\" height=\"").append(ChartRenderer.HEIGHT).append("\" loading=\"lazy\" alt=\"")
                .append(Html.esc(spec.title())).append("\">\n<p>").append(Html.esc(spec.explanation())).append("</p>\n")
                .append("<p class=\"note\"><a href=\"").append(spec.id()).append(".svg\">SVG</a> · ")
                .append(Html.esc(spec.source())).append("</p>\n");
        if (!spec.levels().isEmpty()) {
            h.append("<table>\n<tr><th>segment</th><th>ratio</th><th>95% interval</th><th>against the segment before</th></tr>\n");
            for (BandChartSpec.Level l : spec.levels()) {
                String tone = l.tone() == BandChartSpec.Tone.PLAIN ? "" : l.tone().name().toLowerCase(Locale.ROOT);
                h.append(String.format(Locale.ROOT, "<tr><td>runs %d to %d</td><td>%.3f</td><td>[%.3f, %.3f]</td>"
                                + "<td class=\"%s\">%s</td></tr>%n", Math.round(l.from()), Math.round(l.to()), l.y(), l.low(),
                        l.high(), tone, tone));
            }
            h.append("</table>\n");
        }
        spec.notes().forEach(n -> h.append("<p class=\"note\">").append(Html.esc(n)).append("</p>\n"));
        h.append("</section>\n");
    }
}
