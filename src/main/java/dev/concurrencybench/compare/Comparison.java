package dev.concurrencybench.compare;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one {@code compare} or {@code ab}: every row (matched, added, removed; primary
 * metrics each followed by their secondary metrics), the geometric mean, what the reader should
 * know about the environments, and how the numbers were made.
 *
 * @param warnings  environment differences between the two sides
 * @param notes     everything else worth a line, e.g. a results file without its sidecar
 * @param control   {@code ab --control}'s rows, base against base; null without them
 */
public record Comparison(List<RowComparison> rows, RowComparison.Geomean geomean, List<String> warnings,
                         List<String> notes, Design design, Control control) {

    public Comparison {
        rows = List.copyOf(rows);
        warnings = List.copyOf(warnings);
        notes = List.copyOf(notes);
    }

    /** A comparison without control rows, as {@code compare} makes it. */
    public Comparison(List<RowComparison> rows, RowComparison.Geomean geomean, List<String> warnings, List<String> notes,
                      Design design) {
        this(rows, geomean, warnings, notes, design, null);
    }

    /**
     * The control rows of an {@code ab} run: rows run base against base through the same pairs,
     * order, statistics and verdict rule as the real rows, and kept out of the real verdicts. Each
     * is judged as if it were one more row of the run (Holm over the real rows and it), so
     * {@code flagged} of {@code tested} is the false-alarm rate this very run shows.
     *
     * @param share       the share of the pairs asked for
     * @param pairs       control pairs run in all
     * @param tested      control rows with two pairs or more (the others cannot be flagged)
     * @param flagged     tested control rows whose verdict came out {@code regression} or {@code improvement}
     * @param belowAlpha  tested control rows whose p-value was below alpha before Holm (about alpha of them by chance)
     * @param alpha       the run's alpha, for the words
     * @param rows        each control row as a row of the table would read
     */
    public record Control(double share, int pairs, int tested, int flagged, int belowAlpha, double alpha,
                          List<RowComparison> rows) {

        public Control {
            rows = List.copyOf(rows);
        }

        /** The false-alarm rate seen: flagged over tested, NaN when none was tested. */
        public double falseAlarmRate() {
            return tested == 0 ? Double.NaN : (double) flagged / tested;
        }

        /** The control rows that would have been flagged. */
        public List<RowComparison> falseAlarms() {
            return rows.stream().filter(r -> r.verdict() == Verdict.REGRESSION || r.verdict() == Verdict.IMPROVEMENT).toList();
        }

        /**
         * One sentence, e.g. {@code control (base against base, share 0.2): 0 of 15 control rows would
         * have been flagged at the same rule (false-alarm rate 0.0%); 1 had p < 0.05 before Holm; 16 rows, 61 pairs}.
         */
        public String summary() {
            return heading() + ": " + findings();
        }

        /** The sentence's opening, e.g. {@code control (base against base, share 0.2)}. */
        public String heading() {
            return "control (base against base, share " + trim(share) + ")";
        }

        /** The sentence after the heading: what the control rows showed. */
        public String findings() {
            String rate = tested == 0 ? "no rate: no control row has two pairs"
                    : String.format(java.util.Locale.ROOT, "false-alarm rate %.1f%%", 100.0 * flagged / tested);
            return String.format(java.util.Locale.ROOT, "%d of %d control rows would have been flagged at the same rule (%s);"
                            + " %d had p < %s before Holm; %d %s, %d %s", flagged, tested, rate, belowAlpha, trim(alpha),
                    rows.size(), rows.size() == 1 ? "row" : "rows", pairs, pairs == 1 ? "pair" : "pairs");
        }

        private static String trim(double x) {
            return java.math.BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
        }
    }

    /**
     * How the comparison was made, for the renderers.
     *
     * @param title    the heading of the Markdown table
     * @param method   one parenthesised phrase for the summary line, e.g. {@code alpha 0.05 Holm-Bonferroni, ...}
     * @param options  the settings as written in the JSON output, in order
     */
    public record Design(String title, String method, Map<String, Object> options) {
        public Design {
            options = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
        }
    }

    /** Whether any primary row regressed significantly and beyond the minimum effect. */
    public boolean hasRegression() {
        return rows.stream().anyMatch(r -> !r.secondary() && r.verdict() == Verdict.REGRESSION);
    }

    public long count(Verdict verdict) {
        return rows.stream().filter(r -> !r.secondary() && r.verdict() == verdict).count();
    }
}
