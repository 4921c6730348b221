package dev.concurrencybench.compare;

import dev.concurrencybench.results.BenchmarkResult.RowKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Row names for the text tables, {@code Class.method} and its params, shortened only as far as a
 * width needs. The rows of one class take the first of the first three steps at which all of them
 * fit, so they read alike; a method still too long takes the fourth, and the fifth as a last resort:
 * <ol>
 *   <li>none: {@code CpuBoundBenchmark.fibList fibs=36,35,34,33,32,31,30,25,20,15,10 model=SEQUENTIAL};</li>
 *   <li>lists of more than three values cut to their ends: {@code fibs=36,…,10};</li>
 *   <li>params that are the same in every row of the benchmark's class left out (listed by {@link #leftOut()});</li>
 *   <li>the remaining params' names left out (listed by {@link #valuesOnly()}):
 *       {@code CounterBenchmark.incrementShared PROCESSES FILE_LOCKED};</li>
 *   <li>cut in the middle with {@code …}.</li>
 * </ol>
 * The mode follows the method only when the benchmark appears in more than one mode, the one case it
 * tells rows apart.
 */
final class ShortNames {

    private final Map<RowKey, String> names = new LinkedHashMap<>();
    private final Map<String, String> leftOut = new LinkedHashMap<>();
    private final Map<String, String> valuesOnly = new LinkedHashMap<>();

    private ShortNames() {
    }

    /** Names for these rows, each at most {@code width} characters. */
    static ShortNames fit(List<RowKey> keys, int width) {
        ShortNames out = new ShortNames();
        Map<String, List<RowKey>> byClass = new LinkedHashMap<>();
        for (RowKey k : new LinkedHashSet<>(keys)) {
            byClass.computeIfAbsent(className(k), c -> new ArrayList<>()).add(k);
        }
        byClass.values().forEach(rows -> out.fitClass(rows, width));
        return out;
    }

    /** The name of a row given to {@link #fit}. */
    String name(RowKey key) {
        return Objects.requireNonNull(names.get(key), key::display);
    }

    /** Per class whose params were left out of its names, those params: {@code IoBoundBenchmark sleepMs=100 tasks=10}. */
    List<String> leftOut() {
        return leftOut.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList();
    }

    /**
     * Per benchmark whose names show param values without their names, those names in order:
     * {@code IoScalingBenchmark.sleepTasks model tasks}.
     */
    List<String> valuesOnly() {
        return valuesOnly.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList();
    }

    private void fitClass(List<RowKey> rows, int width) {
        // The same in every row of the class, as its @State params usually are: no row needs them to be told apart.
        Map<String, String> same = same(rows);
        Map<String, List<RowKey>> byMethod = new LinkedHashMap<>();
        rows.forEach(k -> byMethod.computeIfAbsent(k.benchmark(), b -> new ArrayList<>()).add(k));
        Map<String, Boolean> showMode = new LinkedHashMap<>();
        byMethod.forEach((m, group) -> showMode.put(m, group.stream().map(RowKey::mode).distinct().count() > 1));
        int classStep = 0;
        while (classStep < 2 && !fits(rows, showMode, same, classStep, width)) {
            classStep++;
        }
        for (List<RowKey> group : byMethod.values()) {
            RowKey first = group.get(0);
            int s = fits(group, showMode, same, classStep, width) ? classStep : 3;
            group.forEach(k -> names.put(k, cut(name(k, showMode.get(k.benchmark()), same, s), width)));
            if (s >= 3) {
                Map<String, String> rest = new LinkedHashMap<>(first.params());
                rest.keySet().removeAll(same.keySet());
                if (!rest.isEmpty()) {
                    valuesOnly.put(RowKey.shortName(first.benchmark()), String.join(" ", rest.keySet()));
                }
            }
        }
        if (classStep == 2 && !same.isEmpty()) {
            leftOut.put(className(rows.get(0)), join(same, true));
        }
    }

    private static boolean fits(List<RowKey> rows, Map<String, Boolean> showMode, Map<String, String> same, int step,
                                int width) {
        return rows.stream().allMatch(k -> name(k, showMode.get(k.benchmark()), same, step).length() <= width);
    }

    /** The params with one value in every row. */
    private static Map<String, String> same(List<RowKey> rows) {
        Map<String, String> same = new LinkedHashMap<>(rows.get(0).params());
        for (RowKey k : rows) {
            same.entrySet().removeIf(e -> !e.getValue().equals(k.params().get(e.getKey())));
        }
        return same;
    }

    private static String className(RowKey k) {
        String method = RowKey.shortName(k.benchmark());
        int dot = method.lastIndexOf('.');
        return dot < 0 ? method : method.substring(0, dot);
    }

    private static String name(RowKey k, boolean showMode, Map<String, String> same, int step) {
        StringBuilder sb = new StringBuilder(RowKey.shortName(k.benchmark()));
        if (showMode) {
            sb.append(' ').append(k.mode().label());
        }
        Map<String, String> params = new LinkedHashMap<>(k.params());
        if (step >= 1) {
            params.replaceAll((key, value) -> ends(value));
        }
        if (step >= 2) {
            params.keySet().removeAll(same.keySet());
        }
        return params.isEmpty() ? sb.toString() : sb.append(' ').append(join(params, step < 3)).toString();
    }

    /** {@code a=1 b=2}, or {@code 1 2} without the names. */
    private static String join(Map<String, String> params, boolean named) {
        return params.entrySet().stream().map(e -> (named ? e.getKey() + "=" : "") + e.getValue())
                .collect(Collectors.joining(" "));
    }

    /** A list of more than three values as its first and last: {@code 36,…,10}. */
    static String ends(String value) {
        String[] items = value.split(",", -1);
        return items.length > 3 ? items[0] + ",…," + items[items.length - 1] : value;
    }

    /** At most {@code width} characters: the start and the end, joined by {@code …}. */
    static String cut(String s, int width) {
        if (s.length() <= width) {
            return s;
        }
        if (width < 2) {
            return s.substring(0, Math.max(0, width));
        }
        int head = (width - 1) / 2;
        return s.substring(0, head) + "…" + s.substring(s.length() - (width - 1 - head));
    }
}
