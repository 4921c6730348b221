package dev.concurrencybench.history;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** {@code history check}'s output: {@code text} (the default), {@code markdown} or {@code json}. */
enum CheckFormat {
    TEXT, MARKDOWN, JSON;

    static CheckFormat parse(String s) {
        try {
            return valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new HistoryException("unknown format '" + s + "'; valid: text, markdown, json");
        }
    }

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    String render(Check c) {
        return switch (this) {
            case TEXT -> text(c);
            case MARKDOWN -> markdown(c);
            case JSON -> json(c);
        };
    }

    /** A log change as a signed percentage, e.g. {@code +8.0%}. */
    static String percent(double logChange) {
        return String.format(Locale.ROOT, "%+.1f%%", 100 * Math.expm1(logChange));
    }

    static String when(Instant t) {
        return MINUTE.format(t) + "Z";
    }

    /** E.g. {@code +8.0% [+7.6%, +8.4%]}. */
    static String size(ChangePoints.Change c) {
        return percent(c.size()) + " [" + percent(c.low()) + ", " + percent(c.high()) + "]";
    }

    static String p(double p) {
        return String.format(Locale.ROOT, "p %.3f", p);
    }

    /** The head builds either side of a change point, e.g. {@code 1973d6b4e1..8a1c0f2e77}. */
    static String commits(Check.Finding f, ChangePoints.Change c) {
        return f.entry(c.at() - 1).head().shortId() + ".." + f.entry(c.at()).head().shortId();
    }

    /** E.g. {@code 1.012 [0.998, 1.026]}: a segment's level as a ratio against the first anchor. */
    static String level(ChangePoints.Segment s) {
        double half = ChangePoints.Z95 * Math.sqrt(s.variance());
        return String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", Math.exp(s.mean()), Math.exp(s.mean() - half),
                Math.exp(s.mean() + half));
    }

    static String heading(Check c) {
        Check.Span span = c.span();
        Check.Settings s = c.settings();
        return String.format(Locale.ROOT, "history check: %d %s, %d %s against the anchor%s; alpha %s, minimum effect %s%%,"
                        + " segments of %d runs or more", c.rows(), c.rows() == 1 ? "row" : "rows", span.runs(),
                span.runs() == 1 ? "run" : "runs",
                span.first() == null ? "" : " from " + when(span.first()) + " to " + when(span.last()),
                trim(s.options().alpha()), trim(100 * s.minEffect()), s.options().minRun());
    }

    static String summary(Check c) {
        List<Check.Finding> r = c.regressions();
        if (r.isEmpty()) {
            return "OK: no row's newest segment is slower than the one before it by the minimum effect or more.";
        }
        StringBuilder sb = new StringBuilder("REGRESSION: the newest segment of " + r.size() + (r.size() == 1 ? " row" : " rows")
                + " is slower than the one before it by the minimum effect or more: ");
        for (int i = 0; i < r.size(); i++) {
            Check.Finding f = r.get(i);
            ChangePoints.Change last = f.result().changes().get(f.result().changes().size() - 1);
            sb.append(i == 0 ? "" : "; ").append(f.name()).append(" since run ").append(f.run(last.at())).append(' ')
                    .append(percent(last.size()));
        }
        return sb.append('.').toString();
    }

    private static String text(Check c) {
        StringBuilder sb = new StringBuilder(heading(c)).append('\n');
        for (Check.Finding f : c.findings()) {
            List<ChangePoints.Change> changes = f.result().changes();
            String lineage = f.line().lineage() == 0 ? "" : " (line " + (f.line().lineage() + 1) + ", anchor not linked)";
            ChangePoints.Segment last = f.result().segments().get(f.result().segments().size() - 1);
            if (changes.isEmpty()) {
                int runs = f.line().points().size();
                sb.append(f.name()).append(lineage).append(": no change point in ").append(runs)
                        .append(runs == 1 ? " run" : " runs").append("; level ").append(level(last)).append('\n');
                continue;
            }
            sb.append(f.name()).append(lineage).append(": ").append(changes.size())
                    .append(changes.size() == 1 ? " change point" : " change points").append("; newest level ")
                    .append(level(last)).append('\n');
            for (int i = 0; i < changes.size(); i++) {
                ChangePoints.Change ch = changes.get(i);
                boolean newest = f.newest() && i == changes.size() - 1;
                sb.append(String.format(Locale.ROOT, "  run %d  %s  %s  %s  %s  %s%s%n", f.run(ch.at()),
                        when(f.entry(ch.at()).instant()), commits(f, ch), size(ch), p(ch.p()),
                        c.settings().judge(ch.size()).label, newest ? " (newest segment)" : ""));
            }
        }
        if (!c.commitLines().isEmpty()) {
            sb.append(commitNote(c)).append('\n');
        }
        return sb.append(summary(c)).append('\n').toString();
    }

    private static String commitNote(Check c) {
        long points = c.commitLines().stream().mapToLong(l -> l.points().size()).sum();
        return "commit series: " + points + " push-gate results on " + c.commitLines().stream().map(Lines.Line::row)
                .distinct().count() + " rows, charted by history report and not tested here (docs/history.md)";
    }

    private static String markdown(Check c) {
        StringBuilder sb = new StringBuilder("### History: change points\n\n").append(heading(c)).append(".\n\n")
                .append(summary(c).replace("REGRESSION:", "**REGRESSION:**")).append("\n\n");
        List<Check.Dated> all = c.changesNewestFirst();
        if (all.isEmpty()) {
            sb.append("No change point in any row.\n");
        } else {
            sb.append("| row | run | date (UTC) | commits | change | 95% interval | p | verdict |\n")
                    .append("|---|--:|---|---|--:|---|--:|---|\n");
            for (Check.Dated d : all) {
                Check.Finding f = d.finding();
                ChangePoints.Change ch = d.change();
                String verdict = c.settings().judge(ch.size()).label;
                boolean newest = f.newest() && ch == f.result().changes().get(f.result().changes().size() - 1);
                sb.append("| ").append(f.name()).append(" | ").append(f.run(ch.at())).append(" | ").append(when(d.time()))
                        .append(" | ").append(commits(f, ch)).append(" | ").append(percent(ch.size())).append(" | [")
                        .append(percent(ch.low())).append(", ").append(percent(ch.high())).append("] | ")
                        .append(p(ch.p()).replace("p ", "")).append(" | ")
                        .append(newest && verdict.equals("regression") ? "**regression** (newest)" : verdict)
                        .append(" |\n");
            }
        }
        if (!c.commitLines().isEmpty()) {
            sb.append('\n').append(commitNote(c)).append(".\n");
        }
        return sb.toString();
    }

    private static String json(Check c) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("regression", c.regression());
        ObjectNode o = root.putObject("options");
        o.put("alpha", c.settings().options().alpha());
        o.put("minEffect", c.settings().minEffect());
        o.put("minRuns", c.settings().options().minRun());
        o.put("simulations", c.settings().options().simulations());
        o.put("seed", c.settings().options().seed());
        ArrayNode rows = root.putArray("rows");
        for (Check.Finding f : c.findings()) {
            ObjectNode r = rows.addObject();
            Entry first = f.line().first();
            r.put("name", f.name());
            r.put("benchmark", first.benchmark());
            r.put("mode", first.mode());
            ObjectNode params = r.putObject("params");
            first.params().forEach(params::put);
            r.put("lineage", f.line().lineage());
            r.put("newestLineage", f.newest());
            r.put("anchor", f.line().anchors().get(0));
            r.put("runs", f.line().points().size());
            r.put("tau", Math.sqrt(f.result().tau2()));
            ArrayNode segments = r.putArray("segments");
            for (ChangePoints.Segment s : f.result().segments()) {
                ObjectNode n = segments.addObject();
                double half = ChangePoints.Z95 * Math.sqrt(s.variance());
                n.put("fromRun", f.run(s.from()));
                n.put("toRun", f.run(s.to() - 1));
                n.put("ratio", Math.exp(s.mean()));
                n.put("ciLow", Math.exp(s.mean() - half));
                n.put("ciHigh", Math.exp(s.mean() + half));
            }
            ArrayNode changes = r.putArray("changes");
            List<ChangePoints.Change> all = f.result().changes();
            for (int i = 0; i < all.size(); i++) {
                ChangePoints.Change ch = all.get(i);
                ObjectNode n = changes.addObject();
                n.put("run", f.run(ch.at()));
                n.put("time", f.entry(ch.at()).time());
                n.put("headBefore", f.entry(ch.at() - 1).head().id());
                n.put("headAfter", f.entry(ch.at()).head().id());
                n.put("ratio", Math.exp(ch.size()));
                n.put("ciLow", Math.exp(ch.low()));
                n.put("ciHigh", Math.exp(ch.high()));
                n.put("p", ch.p());
                n.put("verdict", c.settings().judge(ch.size()).label);
                n.put("newest", f.newest() && i == all.size() - 1);
            }
        }
        ArrayNode commits = root.putArray("commitSeries");
        for (Lines.Line l : c.commitLines()) {
            ObjectNode n = commits.addObject();
            Lines.Point last = l.points().get(l.points().size() - 1);
            n.put("name", c.name(l.row()));
            n.put("from", l.anchors().get(0));
            n.put("to", last.entry().head().id());
            n.put("commits", l.points().size());
            n.put("ratio", last.ratio());
            n.put("ciLow", last.low());
            n.put("ciHigh", last.high());
        }
        root.put("summary", summary(c));
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
    }

    static String trim(double x) {
        return java.math.BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
    }
}
