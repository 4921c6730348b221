package dev.concurrencybench.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LinesTest {

    static final Entry.Build A = new Entry.Build("a".repeat(40), false, "a.jar", null);
    static final Entry.Build B = new Entry.Build("b".repeat(40), false, "b.jar", null);
    static final Entry.Build C = new Entry.Build("c".repeat(40), false, "c.jar", null);
    static final Entry.Build H = new Entry.Build("d".repeat(40), false, "h.jar", null);

    static Entry entry(String series, String kind, int hour, Entry.Build anchor, Entry.Build head, double ln, double se) {
        return new Entry(Entry.FORMAT, series, kind, "ab-" + hour, (long) hour, String.format("2026-12-05T%02d:00:00Z", hour),
                "dev.x.Bench.m", "ss", Map.of(), "ms/op", ln, se, null, Math.exp(ln), null, null, 0.95, null, "no change", 10,
                anchor, head, null);
    }

    @Test
    void aLinkRunChainsTheNewAnchorsPointsToTheFirstAnchorAndItsErrorIsSharedNotRepeated() {
        List<Entry> entries = List.of(
                entry(Entry.ANCHOR, Entry.POINT, 1, A, H, 0.01, 0.002),
                entry(Entry.ANCHOR, Entry.POINT, 2, A, H, 0.02, 0.002),
                entry(Entry.ANCHOR, Entry.LINK, 3, A, B, 0.05, 0.004),
                entry(Entry.ANCHOR, Entry.POINT, 4, B, H, -0.03, 0.002),
                // A second move, the link run measured the other way round: old anchor as --new.
                entry(Entry.ANCHOR, Entry.LINK, 5, C, B, 0.01, 0.003),
                entry(Entry.ANCHOR, Entry.POINT, 6, C, H, -0.02, 0.002));
        List<Lines.Line> lines = Lines.of(entries);
        assertEquals(1, lines.size(), "one line across both moves");
        Lines.Line line = lines.get(0);
        assertEquals(List.of(A.id(), B.id(), C.id()), line.anchors());
        assertArrayEquals(new double[] {0.01, 0.02, 0.02, 0.02}, line.y(), 1e-12);
        assertArrayEquals(new int[] {0, 0, 1, 2}, line.epochs());
        assertArrayEquals(new double[] {4e-6, 4e-6, 4e-6, 4e-6}, line.v(), 1e-18, "each point keeps its own error");
        assertEquals(4e-6 + 16e-6, line.points().get(2).bandVar(), 1e-15, "the band carries the link's error");
        assertEquals(4e-6 + 16e-6 + 9e-6, line.points().get(3).bandVar(), 1e-15, "and both links' after the second move");
        assertEquals(16e-6, line.chain().cov(1, 2), 1e-18, "epochs B and C share the first link");
        assertEquals(0, line.chain().cov(0, 2), 1e-18);
    }

    @Test
    void anAnchorNoLinkReachesStartsALineOfItsOwn() {
        List<Lines.Line> lines = Lines.of(List.of(
                entry(Entry.ANCHOR, Entry.POINT, 1, A, H, 0.01, 0.002),
                entry(Entry.ANCHOR, Entry.POINT, 2, B, H, 0.30, 0.002),
                entry(Entry.ANCHOR, Entry.POINT, 3, A, H, 0.02, 0.002)));
        assertEquals(2, lines.size());
        assertArrayEquals(new double[] {0.01, 0.02}, lines.get(0).y(), 1e-12);
        assertArrayEquals(new double[] {0.30}, lines.get(1).y(), 1e-12);
        assertEquals(1, lines.get(1).lineage());
    }

    @Test
    void theCommitSeriesMultipliesItsStepsAndBreaksWhereABaseIsNotTheCommitBefore() {
        List<Lines.Line> lines = Lines.of(List.of(
                entry(Entry.COMMITS, Entry.POINT, 1, A, B, 0.01, 0.003),
                entry(Entry.COMMITS, Entry.POINT, 2, B, C, 0.02, 0.004),
                entry(Entry.COMMITS, Entry.POINT, 3, H, A, 0.05, 0.001)));
        assertEquals(2, lines.size());
        assertArrayEquals(new double[] {0.01, 0.03}, lines.get(0).y(), 1e-12);
        assertEquals(9e-6 + 16e-6, lines.get(0).points().get(1).bandVar(), 1e-15, "variances add along the chain");
        assertArrayEquals(new double[] {0.05}, lines.get(1).y(), 1e-12);
    }

    @Test
    void fewDegreesOfFreedomWidenAPointsVarianceAsStudentsTDoes() {
        Entry e = entry(Entry.ANCHOR, Entry.POINT, 1, A, H, 0, 0.01);
        Entry ten = new Entry(e.format(), e.series(), e.kind(), e.run(), e.seed(), e.time(), e.benchmark(), e.mode(), e.params(),
                e.unit(), e.lnRatio(), e.se(), 10.0, e.ratio(), null, null, null, null, null, null, A, H, null);
        assertEquals(1e-4 * 10 / 8, Lines.variance(ten), 1e-15);
        assertEquals(1e-4, Lines.variance(e), 1e-12);
    }
}
