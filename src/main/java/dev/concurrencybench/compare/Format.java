package dev.concurrencybench.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** How {@code compare} prints: aligned text (the default), Markdown, CSV or JSON. */
public enum Format {
    TEXT(c -> text(c, false)),
    MARKDOWN(Format::markdown),
    CSV(Format::csv),
    JSON(Format::json);

    /** {@code --format}'s value, any case; a one-line IllegalArgumentException naming the valid ones otherwise. */
    public static Format parse(String s) {
        try {
            return valueOf(s.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown format '" + s + "'; valid: text, markdown, csv, json");
        }
    }

    private static final List<String> HEADER = List.of("benchmark", "params", "mode", "unit", "base", "new", "ratio",
            "CI", "p (Holm)", "verdict");
    /** The header with the minimum-detectable-effect column, shown when the rows carry one ({@code ab}). */
    private static final List<String> HEADER_MDE = List.of("benchmark", "params", "mode", "unit", "base", "new", "ratio",
            "CI", "p (Holm)", "MDE", "verdict");

    private final Function<Comparison, String> renderer;

    Format(Function<Comparison, String> renderer) {
        this.renderer = renderer;
    }

    public String render(Comparison c) {
        return renderer.apply(c);
    }

    /**
     * As {@link #render(Comparison)}; {@code allMetrics} makes the text format list the secondary
     * metrics in a table of their own instead of counting them. The other formats always carry every metric.
     */
    public String render(Comparison c, boolean allMetrics) {
        return this == TEXT ? text(c, allMetrics) : render(c);
    }

    private static boolean hasMde(Comparison c) {
        return c.rows().stream().anyMatch(r -> !Double.isNaN(r.mde()));
    }

    private static List<String> header(Comparison c) {
        return hasMde(c) ? HEADER_MDE : HEADER;
    }

    private static List<String> cells(Comparison c, RowComparison r) {
        List<String> cells = new ArrayList<>(List.of(r.name(), r.params(), r.key().mode().label(), r.unit(), side(r.base()),
                side(r.next()), ratio(r.ratio()), ci(r), p(r)));
        if (hasMde(c)) {
            cells.add(Double.isNaN(r.mde()) ? "" : mde(r.mde()));
        }
        cells.add(r.verdictText() + (r.secondary() ? " (secondary)" : ""));
        return cells;
    }

    private static List<String> geomeanCells(Comparison c) {
        RowComparison.Geomean g = c.geomean();
        List<String> cells = new ArrayList<>(List.of("geomean (" + g.rows() + " rows)", "", "", "time ratio", "", "",
                ratio(g.ratio()), Double.isNaN(g.ciLow()) ? "" : "[" + ratio(g.ciLow()) + ", " + ratio(g.ciHigh()) + "]", ""));
        if (hasMde(c)) {
            cells.add("");
        }
        cells.add(g.verdictText());
        return cells;
    }

    private static String text(Comparison c, boolean allMetrics) {
        StringBuilder sb = new StringBuilder();
        c.warnings().forEach(w -> sb.append("warning: ").append(w).append('\n'));
        c.notes().forEach(n -> sb.append("note: ").append(n).append('\n'));
        sb.append(new TextTable(c).render(allMetrics));
        sb.append(summary(c)).append('\n');
        if (c.control() != null) {
            sb.append(c.control().summary()).append('\n');
            c.control().falseAlarms().forEach(r -> sb.append("control false alarm: ").append(falseAlarm(r)).append('\n'));
        }
        // The tables are sized to a terminal's width; the sentences around them wrap to it.
        return TextTable.wrap(sb.toString());
    }

    /** A control row that would have been flagged, e.g. {@code Bench.m a=1: 1.071 [1.052, 1.090], regression}. */
    private static String falseAlarm(RowComparison r) {
        return (r.name() + " " + r.params()).strip() + ": " + ratio(r.ratio()) + " " + ci(r) + ", " + r.verdictText();
    }

    private static String markdown(Comparison c) {
        StringBuilder sb = new StringBuilder();
        sb.append("### ").append(c.design().title()).append("\n\n");
        sb.append(summary(c)).append("\n\n");
        if (c.control() != null) {
            sb.append("**").append(escape(c.control().heading())).append(":** ").append(escape(c.control().findings()))
                    .append(".\n\n");
            c.control().falseAlarms().forEach(r -> sb.append("- control false alarm: ").append(escape(falseAlarm(r))).append('\n'));
            if (!c.control().falseAlarms().isEmpty()) {
                sb.append('\n');
            }
        }
        c.warnings().forEach(w -> sb.append("> **Warning:** ").append(escape(w)).append("\n>\n"));
        c.notes().forEach(n -> sb.append("> Note: ").append(escape(n)).append("\n>\n"));
        if (!c.warnings().isEmpty() || !c.notes().isEmpty()) {
            sb.setLength(sb.length() - 2);
            sb.append('\n');
        }
        List<String> header = header(c);
        sb.append("| ").append(String.join(" | ", header)).append(" |\n");
        sb.append("|---|---|---|---|").append("--:|".repeat(header.size() - 5)).append("---|\n");
        for (RowComparison r : c.rows()) {
            List<String> cells = new ArrayList<>(cells(c, r));
            int last = cells.size() - 1;
            if (r.verdict() == Verdict.REGRESSION && !r.secondary()) {
                cells.set(last, "**" + cells.get(last) + "**");
            }
            sb.append("| ").append(String.join(" | ", cells.stream().map(Format::escape).toList())).append(" |\n");
        }
        sb.append("| ").append(String.join(" | ", geomeanCells(c).stream().map(Format::escape).toList())).append(" |\n");
        return sb.toString();
    }

    private static String csv(Comparison c) {
        StringBuilder sb = new StringBuilder();
        sb.append("benchmark,metric,secondary,params,mode,unit,base_score,base_error,base_forks,new_score,new_error,new_forks,"
                + "ratio,ci_low,ci_high,p,p_holm,mde,df,verdict\n");
        for (RowComparison r : c.rows()) {
            List<String> f = List.of(r.key().benchmark(), r.metric().primary() ? "" : r.metric().name(),
                    String.valueOf(r.secondary()), r.params(), r.key().mode().label(), r.unit(),
                    num(r.base() == null ? Double.NaN : r.base().score()), num(r.base() == null ? Double.NaN : r.base().error()),
                    r.base() == null ? "" : String.valueOf(r.base().forks()),
                    num(r.next() == null ? Double.NaN : r.next().score()), num(r.next() == null ? Double.NaN : r.next().error()),
                    r.next() == null ? "" : String.valueOf(r.next().forks()),
                    num(r.ratio()), num(r.ciLow()), num(r.ciHigh()), num(r.p()), num(r.pAdjusted()), num(r.mde()), num(r.df()),
                    r.verdictText());
            sb.append(String.join(",", f.stream().map(Format::quote).toList())).append('\n');
        }
        RowComparison.Geomean g = c.geomean();
        sb.append(String.join(",", List.of("geomean", "", "false", "", "", "time ratio", "", "", String.valueOf(g.rows()), "",
                "", "", num(g.ratio()), num(g.ciLow()), num(g.ciHigh()), "", "", "", num(g.df()), quote(g.verdictText()))))
                .append('\n');
        if (c.control() != null) {
            // One line like the geomean's: the counts in the verdict column, so no verdict reads "regression".
            Comparison.Control k = c.control();
            String smallest = k.pValues().isEmpty() ? "" : num(k.pValues().get(0));
            sb.append(String.join(",", List.of("control", "", "false", "", "", "rows flagged", "", "", String.valueOf(k.tested()),
                    "", "", String.valueOf(k.flagged()), "", "", "", smallest, "", "", "", quote(k.summary()))))
                    .append('\n');
        }
        return sb.toString();
    }

    private static String json(Comparison c) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("regression", c.hasRegression());
        root.set("options", mapper.valueToTree(c.design().options()));
        ArrayNode warnings = root.putArray("warnings");
        c.warnings().forEach(warnings::add);
        ArrayNode notes = root.putArray("notes");
        c.notes().forEach(notes::add);
        ArrayNode rows = root.putArray("rows");
        c.rows().forEach(r -> row(rows.addObject(), r));
        ObjectNode g = root.putObject("geomean");
        g.put("rows", c.geomean().rows());
        g.put("timeRatio", c.geomean().ratio());
        g.put("ciLow", c.geomean().ciLow());
        g.put("ciHigh", c.geomean().ciHigh());
        if (!Double.isNaN(c.geomean().df())) {
            g.put("df", c.geomean().df());
        }
        g.put("verdictText", c.geomean().verdictText());
        if (c.control() != null) {
            Comparison.Control k = c.control();
            ObjectNode o = root.putObject("control");
            o.put("share", k.share());
            o.put("rows", k.rows().size());
            o.put("pairs", k.pairs());
            o.put("tested", k.tested());
            o.put("flagged", k.flagged());
            ArrayNode pValues = o.putArray("pValues");
            k.pValues().forEach(pValues::add);
            ArrayNode below = o.putArray("below");
            for (double level : Comparison.Control.LEVELS) {
                ObjectNode b = below.addObject();
                b.put("level", level);
                b.put("count", k.below(level));
                b.put("uniform", level * k.tested());
            }
            o.put("text", k.summary());
            ArrayNode controlRows = o.putArray("controlRows");
            k.rows().forEach(r -> row(controlRows.addObject(), r));
        }
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void row(ObjectNode o, RowComparison r) {
        o.put("benchmark", r.key().benchmark());
        o.put("mode", r.key().mode().label());
        ObjectNode params = o.putObject("params");
        r.key().params().forEach(params::put);
        if (r.secondary()) {
            o.put("metric", r.metric().name());
        }
        o.put("secondary", r.secondary());
        o.put("unit", r.unit());
        if (r.higherIsBetter() != null) {
            o.put("higherIsBetter", r.higherIsBetter());
        }
        side(o, "base", r.base());
        side(o, "new", r.next());
        o.put("ratio", r.ratio());
        o.put("ciLow", r.ciLow());
        o.put("ciHigh", r.ciHigh());
        o.put("p", r.p());
        o.put("pHolm", r.pAdjusted());
        if (!Double.isNaN(r.mde())) {
            o.put("mde", r.mde());
        }
        if (!Double.isNaN(r.df())) {
            o.put("df", r.df());
        }
        o.put("verdict", r.verdict().label());
        o.put("verdictText", r.verdictText());
    }

    private static void side(ObjectNode o, String name, RowComparison.Side s) {
        if (s == null) {
            o.putNull(name);
            return;
        }
        ObjectNode n = o.putObject(name);
        n.put("score", s.score());
        n.put("error", s.error());
        n.put("forks", s.forks());
        n.put("iterations", s.iterations());
    }

    static String summary(Comparison c) {
        long tested = c.rows().stream().filter(r -> !r.secondary()).count();
        return String.format(Locale.ROOT,
                "%s: %d rows, %d regression(s), %d improvement(s), %d no change, %d inconclusive, %d added, %d removed (%s).",
                c.hasRegression() ? "REGRESSION" : "OK", tested, c.count(Verdict.REGRESSION), c.count(Verdict.IMPROVEMENT),
                c.count(Verdict.NO_CHANGE), c.count(Verdict.INCONCLUSIVE), c.count(Verdict.ADDED), c.count(Verdict.REMOVED),
                c.design().method());
    }

    private static String side(RowComparison.Side s) {
        if (s == null) {
            return "-";
        }
        String score = num(s.score());
        return Double.isNaN(s.error()) ? score : score + " ± " + num(s.error());
    }

    static String ratio(double r) {
        return Double.isNaN(r) ? "" : String.format(Locale.ROOT, "%.3f", r);
    }

    private static String ci(RowComparison r) {
        return Double.isNaN(r.ciLow()) ? "" : "[" + ratio(r.ciLow()) + ", " + ratio(r.ciHigh()) + "]";
    }

    private static String p(RowComparison r) {
        if (Double.isNaN(r.pAdjusted())) {
            return "";
        }
        return r.pAdjusted() < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", r.pAdjusted());
    }

    /** Four significant digits, JMH-like, without exponent for everyday magnitudes. */
    static String num(double x) {
        if (Double.isNaN(x)) {
            return "NaN";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "Infinity" : "-Infinity";
        }
        double a = Math.abs(x);
        if (a == 0) {
            return "0";
        }
        if (a >= 1e9 || a < 1e-4) {
            return String.format(Locale.ROOT, "%.3e", x);
        }
        int decimals = Math.max(0, 3 - (int) Math.floor(Math.log10(a)));
        return String.format(Locale.ROOT, "%." + decimals + "f", x);
    }

    /** A fraction as a percentage with one decimal, e.g. {@code 3.2%}. */
    static String mde(double fraction) {
        return fraction >= 10 ? ">999%" : String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    private static String escape(String s) {
        return s.replace("|", "\\|");
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
