package dev.concurrencybench.compare;

import java.util.List;

/**
 * The outcome of one {@code compare}: every row (matched, added, removed; primary metrics each
 * followed by their secondary metrics), the geometric mean, and what the reader should know about
 * the environments.
 *
 * @param warnings  environment differences between the two sides
 * @param notes     everything else worth a line, e.g. a results file without its sidecar
 */
public record Comparison(List<RowComparison> rows, RowComparison.Geomean geomean, List<String> warnings,
                         List<String> notes, CompareOptions options) {

    public Comparison {
        rows = List.copyOf(rows);
        warnings = List.copyOf(warnings);
        notes = List.copyOf(notes);
    }

    /** Whether any primary row regressed significantly and beyond the minimum effect. */
    public boolean hasRegression() {
        return rows.stream().anyMatch(r -> !r.secondary() && r.verdict() == Verdict.REGRESSION);
    }

    public long count(Verdict verdict) {
        return rows.stream().filter(r -> !r.secondary() && r.verdict() == verdict).count();
    }
}
