package dev.concurrencybench.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {

    @TempDir
    Path dir;

    private List<Entry> runs(int n) throws IOException {
        return AbRuns.stepSeries(dir.resolve("runs"), n).stream()
                .flatMap(r -> RunFolder.read(r, Entry.ANCHOR, Entry.POINT).stream()).toList();
    }

    @Test
    void linesRoundTripAndAppendKeepsTheOldBytesInFront() throws IOException {
        Path store = dir.resolve("store");
        List<Entry> first = runs(3);
        Store.append(store, Store.news(List.of(), first.subList(0, 4)));
        byte[] before = Files.readAllBytes(Store.file(store));
        List<Entry> news = Store.news(Store.read(store), first);
        assertEquals(8, news.size(), "the first run's four rows are there already");
        Store.append(store, news);
        byte[] after = Files.readAllBytes(Store.file(store));
        assertArrayEquals(before, java.util.Arrays.copyOf(after, before.length), "new lines are appended, old bytes unchanged");
        assertEquals(new java.util.HashSet<>(first), new java.util.HashSet<>(Store.read(store)));
        assertEquals(12, Files.readAllLines(Store.file(store)).size());
        try (Stream<Path> files = Files.list(store)) {
            assertEquals(List.of(Store.file(store)), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void aLineWithTheSameIdentityButOtherFiguresIsRefused() throws IOException {
        List<Entry> lines = runs(1);
        Entry e = lines.get(0);
        Entry changed = new Entry(e.format(), e.series(), e.kind(), e.run(), e.seed(), e.time(), e.benchmark(), e.mode(),
                e.params(), e.unit(), e.lnRatio() + 0.01, e.se(), e.df(), e.ratio(), e.ciLow(), e.ciHigh(), e.level(), e.mde(),
                e.verdict(), e.pairs(), e.anchor(), e.head(), e.machine());
        HistoryException ex = assertThrows(HistoryException.class, () -> Store.news(lines, List.of(changed)));
        assertTrue(ex.getMessage().contains("already, with other figures"), ex.getMessage());
    }

    @Test
    void corruptLinesAreNamedByNumber() throws IOException {
        Path store = Files.createDirectories(dir.resolve("store"));
        String good = Store.line(runs(1).get(0));
        for (String bad : List.of("{\"format\": ", "{\"format\": \"other/1\"}", good.replace("\"series\":\"anchor\"", "\"series\":\"x\""),
                good.replace("\"mode\":\"ss\"", "\"mode\":\"fast\""), good.replace("\"time\":\"2026", "\"time\":\"yesterday"),
                good.replace("\"lnRatio\":", "\"lnRatioX\":"))) {
            Files.writeString(Store.file(store), good + "\n" + bad + "\n");
            HistoryException e = assertThrows(HistoryException.class, () -> Store.read(store), bad);
            assertTrue(e.getMessage().startsWith(Store.file(store) + " line 2: "), e.getMessage());
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        }
    }

    @Test
    void aMissingStoreIsEmptyForAddAndAnErrorForCheck() {
        assertEquals(List.of(), Store.read(dir.resolve("new-store")));
        HistoryException e = assertThrows(HistoryException.class, () -> Store.readNonEmpty(dir.resolve("new-store")));
        assertTrue(e.getMessage().contains("no such store"), e.getMessage());
    }
}
