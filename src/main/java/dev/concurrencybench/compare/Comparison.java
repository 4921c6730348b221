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
     * The control rows of an {@code ab} run: rows run base against base through the same pilot,
     * plan, pairs, order, statistics and verdict rule as the real rows, and kept out of the real
     * verdicts. They are a <b>smoke test</b>: a run whose noise broke the design's assumptions shows
     * it in their p-values (too many small ones), but a dozen rows cannot measure a false-alarm rate
     * of about 1e-3 per row. That rate comes from the whole-procedure simulation and from repeated
     * real A/A runs (docs/regression-gate.md).
     *
     * @param share    the share of the pairs asked for
     * @param pairs    control pairs run in all
     * @param pValues  the tested control rows' p-values (two pairs or more, some spread), ascending
     * @param flagged  tested control rows whose verdict came out {@code regression} or {@code improvement},
     *                 each judged as one more row of the run (Holm over the real rows and it)
     * @param alpha    the run's alpha, for the words
     * @param rows     each control row as a row of the table would read
     */
    public record Control(double share, int pairs, List<Double> pValues, int flagged, double alpha,
                          List<RowComparison> rows) {

        /** The levels whose counts are set against a uniform distribution's. */
        public static final List<Double> LEVELS = List.of(0.5, 0.1, 0.01);

        public Control {
            pValues = pValues.stream().sorted().toList();
            rows = List.copyOf(rows);
        }

        /** Control rows with a p-value. */
        public int tested() {
            return pValues.size();
        }

        /** Tested control rows with a p-value below {@code level}. */
        public int below(double level) {
            return (int) pValues.stream().filter(p -> p < level).count();
        }

        /** The control rows that would have been flagged. */
        public List<RowComparison> falseAlarms() {
            return rows.stream().filter(r -> r.verdict() == Verdict.REGRESSION || r.verdict() == Verdict.IMPROVEMENT).toList();
        }

        /**
         * One paragraph, e.g. {@code control (base against base, share 0.2): p-values of 12 control rows
         * 0.04 0.11 ...; below 0.5: 7 (uniform: 6.0), ...}.
         */
        public String summary() {
            return heading() + ": " + findings();
        }

        /** The sentence's opening, e.g. {@code control (base against base, share 0.2)}. */
        public String heading() {
            return "control (base against base, share " + trim(share) + ")";
        }

        /** The sentence after the heading: what the control rows showed, and what they cannot show. */
        public String findings() {
            StringBuilder sb = new StringBuilder();
            if (pValues.isEmpty()) {
                sb.append("no control row could be tested");
            } else {
                sb.append("p-values of ").append(tested()).append(tested() == 1 ? " control row " : " control rows ");
                sb.append(String.join(" ", pValues.stream().map(Control::p).toList()));
                for (double level : LEVELS) {
                    sb.append(String.format(java.util.Locale.ROOT, "; below %s: %d (uniform: %.1f)", trim(level), below(level),
                            level * tested()));
                }
            }
            sb.append(String.format(java.util.Locale.ROOT, "; %d flagged at the gate's rule; %d %s, %d %s. A smoke test:"
                            + " too many small p-values say this run's noise broke the design's assumptions; the"
                            + " false-alarm rate itself comes from the simulation and repeated A/A runs"
                            + " (docs/regression-gate.md), not from %d %s", flagged, rows.size(),
                    rows.size() == 1 ? "row" : "rows", pairs, pairs == 1 ? "pair" : "pairs", rows.size(),
                    rows.size() == 1 ? "row" : "rows"));
            return sb.toString();
        }

        private static String p(double p) {
            return p < 0.001 ? "<0.001" : String.format(java.util.Locale.ROOT, "%.3f", p);
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
