package dev.concurrencybench.ab;

import dev.concurrencybench.bench.JarBenchmarkList;
import dev.concurrencybench.results.BenchMode;
import dev.concurrencybench.results.BenchmarkResult.RowKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows of two jars under one selection, matched on benchmark, mode and every param value, as
 * {@code compare} matches results: rows of both are compared, rows of one are listed as added or
 * removed.
 *
 * @param common   rows of both jars, in the new jar's order, with the new jar's declared settings
 * @param added    rows only the new jar has
 * @param removed  rows only the base jar has
 */
public record Rows(List<Row> common, List<RowKey> added, List<RowKey> removed) {

    /** Matches the rows the selection picks in each jar's benchmark list. */
    public static Rows match(List<JarBenchmarkList.Entry> base, List<JarBenchmarkList.Entry> next, JmhSelection selection) {
        Map<RowKey, Row> b = expand(base, selection);
        Map<RowKey, Row> n = expand(next, selection);
        Set<String> names = new HashSet<>();
        for (JarBenchmarkList.Entry e : concat(base, next)) {
            if (selection.selects(e.benchmark())) {
                names.addAll(e.params().keySet());
            }
        }
        for (String p : selection.params().keySet()) {
            if (!names.contains(p)) {
                throw new AbException("-p " + p + ": no selected benchmark has a param named " + p);
            }
        }
        List<Row> common = new ArrayList<>();
        List<RowKey> added = new ArrayList<>();
        for (Map.Entry<RowKey, Row> e : n.entrySet()) {
            Row baseRow = b.get(e.getKey());
            if (baseRow == null) {
                added.add(e.getKey());
            } else {
                Set<String> defaults = new LinkedHashSet<>(e.getValue().defaultParams());
                defaults.addAll(baseRow.defaultParams());
                Row r = e.getValue();
                common.add(new Row(r.key(), defaults, r.warmups(), r.warmupTime(), r.measurements(), r.measurementTime()));
            }
        }
        List<RowKey> removed = b.keySet().stream().filter(k -> !n.containsKey(k)).toList();
        return new Rows(common, added, removed);
    }

    /** Part of the rows in common ({@code --part}); the added and removed rows stay listed in every part. */
    Rows part(Part p) {
        return new Rows(p.of(common), added, removed);
    }

    /**
     * These rows with the ones that ran on one side only ({@link Engine.Status#ONE_SIDED}) moved to
     * added (they run on new only) or removed (on base only), as rows of one jar are: for two sides of
     * one jar, where the java or the flags decide which rows can run.
     */
    Rows withOneSided(List<Engine.RowOutcome> outcomes) {
        List<Row> stillCommon = new ArrayList<>(common);
        List<RowKey> moreAdded = new ArrayList<>(added);
        List<RowKey> moreRemoved = new ArrayList<>(removed);
        for (Engine.RowOutcome o : outcomes) {
            if (o.status() == Engine.Status.ONE_SIDED) {
                stillCommon.remove(o.row());
                (o.onlyOn() == Side.NEW ? moreAdded : moreRemoved).add(o.row().key());
            }
        }
        return new Rows(stillCommon, moreAdded, moreRemoved);
    }

    /** Every row of the selected benchmarks: the product of their param values. */
    static Map<RowKey, Row> expand(List<JarBenchmarkList.Entry> entries, JmhSelection selection) {
        Map<RowKey, Row> rows = new LinkedHashMap<>();
        for (JarBenchmarkList.Entry e : entries) {
            if (!selection.selects(e.benchmark())) {
                continue;
            }
            List<Map<String, String>> combos = new ArrayList<>();
            combos.add(new LinkedHashMap<>());
            for (Map.Entry<String, List<String>> p : e.params().entrySet()) {
                List<String> values = selection.params().getOrDefault(p.getKey(), p.getValue());
                List<Map<String, String>> next = new ArrayList<>();
                for (Map<String, String> c : combos) {
                    for (String v : values) {
                        Map<String, String> m = new LinkedHashMap<>(c);
                        m.put(p.getKey(), v);
                        next.add(m);
                    }
                }
                combos = next;
            }
            for (Map<String, String> params : combos) {
                Set<String> defaults = new HashSet<>();
                params.forEach((name, value) -> {
                    if (value.contains(",")) {
                        if (!e.params().get(name).equals(List.of(value))) {
                            throw new AbException(shortName(e.benchmark()) + ": param " + name + "=" + value
                                    + " holds a comma, so JMH's -p cannot select it; only a sole declared value can be used");
                        }
                        defaults.add(name);
                    }
                });
                RowKey key = new RowKey(e.benchmark(), BenchMode.ofLabel(e.mode()), params);
                rows.putIfAbsent(key, new Row(key, defaults, e.warmupIterations(), e.warmupTime(),
                        e.measurementIterations(), e.measurementTime()));
            }
        }
        return rows;
    }

    private static String shortName(String benchmark) {
        int method = benchmark.lastIndexOf('.');
        int cls = method > 0 ? benchmark.lastIndexOf('.', method - 1) : -1;
        return benchmark.substring(cls + 1);
    }

    private static List<JarBenchmarkList.Entry> concat(List<JarBenchmarkList.Entry> a, List<JarBenchmarkList.Entry> b) {
        List<JarBenchmarkList.Entry> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
