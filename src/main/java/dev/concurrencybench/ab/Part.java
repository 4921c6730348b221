package dev.concurrencybench.ab;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code --part K/N}: one of N runners' share of a gate. A fib-list row's noise belongs to each JVM,
 * so only more forks shrink it; N runners at once give each row about N times the forks in the same
 * wall time. The rows are dealt in turn (the i-th row in common, counting from 0, goes to part
 * i mod N + 1), so each part gets every N-th model of a benchmark and the parts cost about alike.
 *
 * @param k which part, 1 to n
 * @param n how many parts
 */
public record Part(int k, int n) {

    /** The whole selection: one part of one. */
    public static final Part WHOLE = new Part(1, 1);

    public Part {
        if (n < 1 || k < 1 || k > n) {
            throw new AbException("--part needs K/N with 1 <= K <= N, e.g. 1/2, got " + k + "/" + n);
        }
    }

    /** Parses {@code K/N}; null gives the whole selection. */
    public static Part parse(String spec) {
        if (spec == null) {
            return WHOLE;
        }
        String[] kn = spec.strip().split("/", -1);
        if (kn.length != 2 || !kn[0].matches("\\d{1,6}") || !kn[1].matches("\\d{1,6}")) {
            throw new AbException("--part needs K/N with 1 <= K <= N, e.g. 1/2, got '" + spec + "'");
        }
        return new Part(Integer.parseInt(kn[0]), Integer.parseInt(kn[1]));
    }

    /** This part's share of the rows, in their order. */
    public <T> List<T> of(List<T> rows) {
        List<T> mine = new ArrayList<>();
        for (int i = k - 1; i < rows.size(); i += n) {
            mine.add(rows.get(i));
        }
        return List.copyOf(mine);
    }

    public boolean whole() {
        return n == 1;
    }

    @Override
    public String toString() {
        return k + "/" + n;
    }
}
