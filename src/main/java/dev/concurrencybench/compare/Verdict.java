package dev.concurrencybench.compare;

/** What {@code compare} and {@code ab} conclude for one row (see {@link Decision} for the rule). */
public enum Verdict {
    /** Significant after Holm–Bonferroni, beyond the minimum effect, in the worse direction. */
    REGRESSION("regression"),
    /** The same, in the better direction. */
    IMPROVEMENT("improvement"),
    /** The interval lies inside plus or minus the minimum effect. */
    NO_CHANGE("no change"),
    /** Significant and beyond the minimum effect, for a metric whose unit gives no better direction. */
    CHANGED("changed"),
    /** Neither a change nor no change: too few forks, no usable data, or an interval too wide to say; never a guess. */
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
