package dev.concurrencybench.ab;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The rows that {@code ab --control SHARE} runs once more base against base. Control rows are whole
 * rows, not single pairs of the real rows: a row that stops after six pairs would get one or two
 * control pairs, too few for any test to flag anything, so a rate measured on them would read 0
 * whatever the run's real false-alarm risk. A control row instead gets as many pairs as a real row
 * of its kind, through the same engine, and is judged by the same rule.
 */
final class Controls {

    /** The share when {@code --control} is given without one. */
    static final double DEFAULT_SHARE = 0.2;
    /** At 0.5 every row has a control twin, which is as far as it goes. */
    static final double MAX_SHARE = 0.5;

    private Controls() {
    }

    /**
     * How many control rows make about {@code share} of all rows (and so of all pairs, rows being
     * alike on average) control rows: {@code c / (rows + c) = share}, rounded, at least one, at
     * most every row once.
     */
    static int count(int rows, double share) {
        check(share);
        return (int) Math.max(1, Math.min(rows, Math.round(share * rows / (1 - share))));
    }

    /** Throws {@link AbException} (one line) unless {@code share} is above 0 and at most {@link #MAX_SHARE}. */
    static void check(double share) {
        if (!(share > 0 && share <= MAX_SHARE)) {
            throw new AbException("--control takes the share of the pairs to run base against base, above 0 and at most "
                    + MAX_SHARE + " (e.g. " + DEFAULT_SHARE + "), got " + share);
        }
    }

    /** The control rows, drawn from {@code rows} without repetition by a seed (the run's own), in the rows' order. */
    static List<Row> pick(List<Row> rows, double share, long seed) {
        int c = count(rows.size(), share);
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            indices.add(i);
        }
        Collections.shuffle(indices, new Random(~seed));
        return indices.subList(0, c).stream().sorted().map(rows::get).toList();
    }
}
