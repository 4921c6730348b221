package dev.concurrencybench.compare;

/** What {@code compare} concludes for one row. */
public enum Verdict {
    /** Significant after Holm–Bonferroni, beyond the minimum effect, in the worse direction. */
    REGRESSION("regression"),
    /** The same, in the better direction. */
    IMPROVEMENT("improvement"),
    /** Not significant, or significant but smaller than the minimum effect. */
    NO_CHANGE("no change"),
    /** Significant and beyond the minimum effect, for a metric whose unit gives no better direction. */
    CHANGED("changed"),
    /** Too few forks (or no usable data) to ever reach a verdict; never a guess. */
    INCONCLUSIVE("inconclusive"),
    /** Only in the new results. */
    ADDED("added"),
    /** Only in the base results. */
    REMOVED("removed");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
