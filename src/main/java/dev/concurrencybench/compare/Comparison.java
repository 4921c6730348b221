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
 */
public record Comparison(List<RowComparison> rows, RowComparison.Geomean geomean, List<String> warnings,
                         List<String> notes, Design design) {

    public Comparison {
        rows = List.copyOf(rows);
        warnings = List.copyOf(warnings);
        notes = List.copyOf(notes);
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
