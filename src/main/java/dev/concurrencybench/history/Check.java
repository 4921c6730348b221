package dev.concurrencybench.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What {@code history check} finds in a store: every anchor line's segments and change points, each
 * change judged against the minimum effect, and whether the newest segment of any row is a
 * regression against the one before it. Commit lines are charted, not tested: their points are
 * running sums, whose errors are not independent (docs/history.md).
 */
final class Check {

    /** How a change point reads: slower or faster by at least the minimum effect, or less than that. */
    enum Judgement {
        REGRESSION("regression"), IMPROVEMENT("improvement"), SMALL("below the minimum effect");

        final String label;

        Judgement(String label) {
            this.label = label;
        }
    }

    /**
     * @param minEffect the smallest change that counts, a fraction (0.02 for 2%)
     */
    record Settings(ChangePoints.Options options, double minEffect) {
        Settings {
            if (!(minEffect >= 0 && minEffect < 10)) {
                throw new HistoryException("--min-effect must be a percentage of 0 or more, got " + minEffect * 100);
            }
        }

        Judgement judge(double size) {
            double l = Math.log1p(minEffect);
            return size >= l && size > 0 ? Judgement.REGRESSION : size <= -l && size < 0 ? Judgement.IMPROVEMENT
                    : Judgement.SMALL;
        }
    }

    /**
     * One line's findings.
     *
     * @param name   the row as tables show it
     * @param runs   each point's run number within its row's series (1 for the oldest), in the line's order
     * @param newest whether this is the row's newest lineage, the one its next runs extend
     */
    record Finding(Lines.Line line, String name, ChangePoints.Result result, int[] runs, boolean newest) {

        /** The judgement of the line's newest change point when this is the row's newest line, else none. */
        Judgement latest(Settings s) {
            List<ChangePoints.Change> changes = result.changes();
            return !newest || changes.isEmpty() ? null : s.judge(changes.get(changes.size() - 1).size());
        }

        /** The run number of point {@code i}. */
        int run(int i) {
            return runs[i];
        }

        Entry entry(int i) {
            return line.points().get(i).entry();
        }
    }

    /** A change point with what the tables need, for the list of the latest ones. */
    record Dated(Finding finding, ChangePoints.Change change, Instant time) {
    }

    private final Settings settings;
    private final List<Finding> findings;
    private final List<Lines.Line> commitLines;
    private final Map<String, String> names;
    private final int rows;

    private Check(Settings settings, List<Finding> findings, List<Lines.Line> commitLines, Map<String, String> names,
                  int rows) {
        this.settings = settings;
        this.findings = List.copyOf(findings);
        this.commitLines = List.copyOf(commitLines);
        this.names = names;
        this.rows = rows;
    }

    /** Tests every anchor line of the store, rows in parallel (each row's simulations are seeded, so the answer is fixed). */
    static Check of(List<Entry> entries, Settings settings) {
        List<Lines.Line> lines = Lines.of(entries);
        Map<String, String> names = Names.of(entries);
        List<Lines.Line> anchored = lines.stream().filter(l -> Entry.ANCHOR.equals(l.series())).toList();
        Map<String, List<Entry>> pointsByRow = new HashMap<>();
        anchored.forEach(l -> l.points().forEach(p -> pointsByRow.computeIfAbsent(l.row(), k -> new ArrayList<>()).add(p.entry())));
        pointsByRow.values().forEach(list -> list.sort(Lines.TIME_ORDER));
        Map<String, Integer> lastLineage = new HashMap<>();
        anchored.forEach(l -> lastLineage.merge(l.row(), l.lineage(), Math::max));
        List<Finding> findings = anchored.parallelStream().map(l -> {
            List<Entry> all = pointsByRow.get(l.row());
            Map<Entry, Integer> number = new HashMap<>();
            for (int i = 0; i < all.size(); i++) {
                number.put(all.get(i), i + 1);
            }
            int[] runs = l.points().stream().mapToInt(p -> number.get(p.entry())).toArray();
            ChangePoints.Options o = settings.options();
            ChangePoints.Options seeded = new ChangePoints.Options(o.alpha(), o.minRun(), o.simulations(),
                    o.seed() ^ l.row().hashCode() * 31L + l.lineage());
            ChangePoints.Result r = ChangePoints.detect(l.y(), l.v(), l.epochs(), l.chain(), seeded);
            return new Finding(l, names.get(l.row()), r, runs, l.lineage() == lastLineage.get(l.row()));
        }).toList();
        Set<String> rowSet = new LinkedHashSet<>();
        lines.forEach(l -> rowSet.add(l.row()));
        return new Check(settings, findings, lines.stream().filter(l -> Entry.COMMITS.equals(l.series())).toList(), names,
                rowSet.size());
    }

    Settings settings() {
        return settings;
    }

    List<Finding> findings() {
        return findings;
    }

    List<Lines.Line> commitLines() {
        return commitLines;
    }

    /** The row as tables show it: its method and the params that vary between rows of that method. */
    String name(String row) {
        return names.getOrDefault(row, row);
    }

    int rows() {
        return rows;
    }

    /** The rows whose newest segment is slower than the one before it by at least the minimum effect. */
    List<Finding> regressions() {
        return findings.stream().filter(f -> f.latest(settings) == Judgement.REGRESSION).toList();
    }

    boolean regression() {
        return !regressions().isEmpty();
    }

    /** Every change point, newest first (by the time of the first run after it). */
    List<Dated> changesNewestFirst() {
        List<Dated> out = new ArrayList<>();
        for (Finding f : findings) {
            for (ChangePoints.Change c : f.result().changes()) {
                out.add(new Dated(f, c, f.entry(c.at()).instant()));
            }
        }
        out.sort(Comparator.comparing(Dated::time).reversed().thenComparing(d -> d.finding().name()));
        return out;
    }

    /** The anchor lines' runs: how many distinct runs, and the first and last time. */
    Span span() {
        Map<String, Instant> runs = new TreeMap<>();
        findings.forEach(f -> f.line().points().forEach(p -> runs.put(p.entry().run() + "|" + p.entry().seed(),
                p.entry().instant())));
        Instant first = runs.values().stream().min(Comparator.naturalOrder()).orElse(null);
        Instant last = runs.values().stream().max(Comparator.naturalOrder()).orElse(null);
        return new Span(runs.size(), first, last);
    }

    record Span(int runs, Instant first, Instant last) {
    }

    /** Display names, e.g. {@code CpuBoundBenchmark.fibList model=SEQUENTIAL}, without the params every row of a method shares. */
    static final class Names {
        private Names() {
        }

        static Map<String, String> of(List<Entry> entries) {
            Map<String, Map<String, Set<String>>> values = new HashMap<>();
            Map<String, Set<String>> modes = new HashMap<>();
            Map<String, Entry> rows = new LinkedHashMap<>();
            for (Entry e : entries) {
                rows.putIfAbsent(e.row(), e);
                e.params().forEach((k, v) -> values.computeIfAbsent(e.benchmark(), b -> new HashMap<>())
                        .computeIfAbsent(k, x -> new LinkedHashSet<>()).add(v));
                modes.computeIfAbsent(e.benchmark(), b -> new LinkedHashSet<>()).add(e.mode());
            }
            Map<String, String> out = new HashMap<>();
            rows.forEach((row, e) -> {
                StringBuilder sb = new StringBuilder(dev.concurrencybench.results.BenchmarkResult.RowKey.shortName(e.benchmark()));
                if (modes.get(e.benchmark()).size() > 1) {
                    sb.append(' ').append(e.mode());
                }
                e.params().forEach((k, v) -> {
                    if (values.get(e.benchmark()).get(k).size() > 1) {
                        sb.append(' ').append(k).append('=').append(v);
                    }
                });
                out.put(row, sb.toString());
            });
            return out;
        }
    }
}
