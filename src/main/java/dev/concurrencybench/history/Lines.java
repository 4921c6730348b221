package dev.concurrencybench.history;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The store's lines as series: per row and series, its points in time order on one scale.
 *
 * <p>Anchor series: each point is ln(head / anchor). When the anchor moved, a link run (the new anchor
 * against the old one) gives ln(new anchor / old anchor), and a point against the new anchor becomes
 * ln(head / first anchor) = ln(head / new anchor) + ln(new anchor / old anchor): the row stays one line.
 * The link's error is shared by every point measured against the new anchor, so it is kept apart
 * ({@link ChangePoints.Chain}) rather than added to each point as if it were independent. Points whose
 * anchor no link reaches start a line of their own (a new lineage).
 *
 * <p>Commit series: each point is ln(commit / the commit before), measured by the push gate; the line
 * is their running sum from its first commit, with the variances summed likewise, and breaks where a
 * record's base is not the commit before it.
 */
final class Lines {

    private Lines() {
    }

    /**
     * One row's points of one series and lineage.
     *
     * @param lineage 0 for the row's first line in this series, then 1, 2, ... where no link reached
     * @param chain   the links' shared errors, per epoch (anchor series); {@link ChangePoints.Chain#NONE} otherwise
     * @param anchors the anchor of each epoch (anchor series) or the first commit (commit series)
     */
    record Line(String row, String series, int lineage, List<Point> points, ChangePoints.Chain chain, List<String> anchors) {
        Line {
            points = List.copyOf(points);
            anchors = List.copyOf(anchors);
        }

        double[] y() {
            return points.stream().mapToDouble(Point::y).toArray();
        }

        double[] v() {
            return points.stream().mapToDouble(Point::v).toArray();
        }

        int[] epochs() {
            return points.stream().mapToInt(Point::epoch).toArray();
        }

        Entry first() {
            return points.get(0).entry();
        }
    }

    /**
     * One point of a line.
     *
     * @param y       its log ratio against the line's first anchor (or first commit)
     * @param v       the variance of its own error
     * @param epoch   the epoch of its anchor in the line's chain
     * @param bandVar the variance to draw its interval with: its own and its chain's
     */
    record Point(Entry entry, double y, double v, int epoch, double bandVar) {
        double ratio() {
            return Math.exp(y);
        }

        double low() {
            return Math.exp(y - ChangePoints.Z95 * Math.sqrt(bandVar));
        }

        double high() {
            return Math.exp(y + ChangePoints.Z95 * Math.sqrt(bandVar));
        }
    }

    /** Every line of the store, rows in the order they first appear, each row's lineages oldest first. */
    static List<Line> of(List<Entry> entries) {
        Map<String, List<Entry>> byRow = new LinkedHashMap<>();
        entries.stream().filter(Entry::tested).sorted(TIME_ORDER)
                .forEach(e -> byRow.computeIfAbsent(e.series() + "|" + e.row(), k -> new ArrayList<>()).add(e));
        List<Line> out = new ArrayList<>();
        byRow.values().forEach(rows -> out.addAll(Entry.COMMITS.equals(rows.get(0).series()) ? commits(rows) : anchored(rows)));
        return out;
    }

    static final Comparator<Entry> TIME_ORDER = Comparator.comparing(Entry::instant).thenComparing(Entry::run)
            .thenComparing(e -> e.seed() == null ? 0L : e.seed());

    /**
     * The variance of a point's own error: ab's standard error squared, times the variance of Student's t
     * on ab's degrees of freedom (a t on few degrees of freedom strays further than a normal; capped at 2,
     * its value at 4 degrees of freedom, below which a t's variance grows without bound).
     */
    static double variance(Entry e) {
        double df = e.df() == null ? Double.POSITIVE_INFINITY : e.df();
        double inflate = Double.isInfinite(df) ? 1 : df > 4 ? df / (df - 2) : 2;
        return e.se() * e.se() * inflate;
    }

    private static List<Line> anchored(List<Entry> rows) {
        List<Entry> points = rows.stream().filter(e -> Entry.POINT.equals(e.kind())).toList();
        List<Entry> links = rows.stream().filter(e -> Entry.LINK.equals(e.kind())).toList();
        List<Line> out = new ArrayList<>();
        Map<String, Integer> lineageOf = new HashMap<>();
        List<List<Entry>> lineages = new ArrayList<>();
        List<Map<String, Path>> reach = new ArrayList<>();
        for (Entry p : points) {
            String anchor = p.anchor().id();
            Integer l = lineageOf.get(anchor);
            if (l == null) {
                // The first point of a lineage names its root; every anchor the links reach from it joins.
                Map<String, Path> paths = paths(anchor, links);
                l = lineages.size();
                lineages.add(new ArrayList<>());
                reach.add(paths);
                for (String a : paths.keySet()) {
                    lineageOf.putIfAbsent(a, l);
                }
            }
            lineages.get(l).add(p);
        }
        for (int l = 0; l < lineages.size(); l++) {
            out.add(line(rows.get(0).row(), l, lineages.get(l), reach.get(l), links));
        }
        return out;
    }

    /** The way from a line's root anchor to another: the links in order, each forward (+1) or backward (-1). */
    private record Path(List<Integer> links, List<Integer> signs) {
    }

    /** Breadth first from {@code root} over the links, each usable both ways: the fewest links to every anchor. */
    private static Map<String, Path> paths(String root, List<Entry> links) {
        Map<String, Path> paths = new LinkedHashMap<>();
        paths.put(root, new Path(List.of(), List.of()));
        Deque<String> queue = new ArrayDeque<>(List.of(root));
        while (!queue.isEmpty()) {
            String at = queue.poll();
            Path here = paths.get(at);
            for (int j = 0; j < links.size(); j++) {
                Entry link = links.get(j);
                String from = link.anchor().id();
                String to = link.head().id();
                String next = at.equals(from) ? to : at.equals(to) ? from : null;
                if (next != null && !paths.containsKey(next)) {
                    List<Integer> via = new ArrayList<>(here.links());
                    List<Integer> signs = new ArrayList<>(here.signs());
                    via.add(j);
                    signs.add(at.equals(from) ? 1 : -1);
                    paths.put(next, new Path(via, signs));
                    queue.add(next);
                }
            }
        }
        return paths;
    }

    private static Line line(String row, int lineage, List<Entry> points, Map<String, Path> paths, List<Entry> links) {
        List<String> anchors = new ArrayList<>();
        Map<String, Integer> epochOf = new HashMap<>();
        anchors.add(points.get(0).anchor().id());
        epochOf.put(anchors.get(0), 0);
        for (Entry p : points) {
            epochOf.computeIfAbsent(p.anchor().id(), a -> {
                anchors.add(a);
                return anchors.size() - 1;
            });
        }
        // The chain's links, renumbered: only those some epoch's path uses.
        Map<Integer, Integer> used = new LinkedHashMap<>();
        int[][] epochPaths = new int[anchors.size()][];
        double[] offset = new double[anchors.size()];
        for (int g = 0; g < anchors.size(); g++) {
            Path path = paths.get(anchors.get(g));
            epochPaths[g] = new int[path.links().size()];
            for (int k = 0; k < path.links().size(); k++) {
                int j = path.links().get(k);
                epochPaths[g][k] = used.computeIfAbsent(j, x -> used.size());
                offset[g] += path.signs().get(k) * links.get(j).lnRatio();
            }
        }
        double[] linkVar = used.keySet().stream().mapToDouble(j -> variance(links.get(j))).toArray();
        ChangePoints.Chain chain = new ChangePoints.Chain(epochPaths, linkVar);
        List<Point> out = new ArrayList<>();
        for (Entry p : points) {
            int g = epochOf.get(p.anchor().id());
            double v = variance(p);
            out.add(new Point(p, p.lnRatio() + offset[g], v, g, v + chain.cov(g, g)));
        }
        return new Line(row, Entry.ANCHOR, lineage, out, chain, anchors);
    }

    private static List<Line> commits(List<Entry> rows) {
        List<Line> out = new ArrayList<>();
        List<Point> current = new ArrayList<>();
        String last = null;
        double sum = 0;
        double var = 0;
        for (Entry e : rows) {
            if (last != null && !last.equals(e.anchor().id())) {
                out.add(new Line(e.row(), Entry.COMMITS, out.size(), current, ChangePoints.Chain.NONE,
                        List.of(current.get(0).entry().anchor().id())));
                current = new ArrayList<>();
                sum = 0;
                var = 0;
            }
            double v = variance(e);
            sum += e.lnRatio();
            var += v;
            current.add(new Point(e, sum, v, 0, var));
            last = e.head().id();
        }
        if (!current.isEmpty()) {
            out.add(new Line(rows.get(0).row(), Entry.COMMITS, out.size(), current, ChangePoints.Chain.NONE,
                    List.of(current.get(0).entry().anchor().id())));
        }
        return out;
    }
}
