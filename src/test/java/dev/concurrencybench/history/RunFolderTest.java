package dev.concurrencybench.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.commons.statistics.distribution.TDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderTest {

    static final Instant T = Instant.parse("2026-12-05T01:00:00Z");

    @TempDir
    Path dir;

    @Test
    void eachRowBecomesALineWithItsStandardErrorFromAbsIntervalAndTheBuildsAndMachineFromTheSidecars() throws IOException {
        Path run = AbRuns.write(dir, "ab-20261205T010000Z", T, 7, AbRuns.ANCHOR, AbRuns.SLOW, List.of(
                AbRuns.Row.ss(AbRuns.SLEEP, "SEQUENTIAL", Math.log(1.08), 0.003),
                new AbRuns.Row("dev.x.Bench.rate", "thrpt", Map.of(), Math.log(1.10), 0.02, 6, "inconclusive", 4)));
        List<Entry> lines = RunFolder.read(run, Entry.ANCHOR, Entry.POINT);
        assertEquals(2, lines.size());
        Entry sleep = lines.get(0);
        assertEquals(Entry.FORMAT, sleep.format());
        assertEquals("ab-20261205T010000Z", sleep.run());
        assertEquals(7L, sleep.seed());
        assertEquals(T.toString(), sleep.time());
        assertEquals(Math.log(1.08), sleep.lnRatio(), 1e-12);
        assertEquals(0.003, sleep.se(), 1e-12, "recovered from the interval, t on 20 degrees of freedom");
        assertEquals(1.08, sleep.ratio(), 1e-12);
        assertEquals(0.95, sleep.level(), 1e-12);
        assertEquals(10, sleep.pairs());
        assertEquals(AbRuns.ANCHOR.commit(), sleep.anchor().commit());
        assertEquals(AbRuns.ANCHOR.commit(), sleep.anchor().id(), "a clean build is its commit");
        assertTrue(sleep.head().id().startsWith(AbRuns.HEAD.commit() + " (dirty, jar ffffff"), sleep.head().id());
        assertEquals("Test CPU", sleep.machine().cpuModel());
        assertEquals("Eclipse Adoptium 25.0.3+9-LTS", sleep.machine().jdk());

        Entry rate = lines.get(1);
        // A throughput row: ab prints new/base of the rates; the store keeps the time-like log ratio.
        assertEquals(Math.exp(-Math.log(1.10)), rate.ratio(), 1e-12);
        assertEquals(Math.log(1.10), rate.lnRatio(), 1e-12);
        double t = TDistribution.of(6).inverseSurvivalProbability(0.025);
        assertEquals(0.02, (Math.log(rate.ciHigh()) - Math.log(rate.ciLow())) / (2 * t), 1e-12);
        assertEquals(0.02, rate.se(), 1e-12);
    }

    @Test
    void anUntestedRowIsKeptWithoutARatio() throws IOException {
        Path run = AbRuns.write(dir, "ab-x", T, 1, AbRuns.ANCHOR, AbRuns.HEAD,
                List.of(AbRuns.Row.ss(AbRuns.SLEEP, "SEQUENTIAL", 0, 0.01)));
        Path table = run.resolve("ab.json");
        Files.writeString(table, Files.readString(table).replaceAll("\"df\" : [0-9.]+", "\"df\" : \"NaN\""));
        Entry e = RunFolder.read(run, Entry.ANCHOR, Entry.POINT).get(0);
        assertNull(e.lnRatio());
        assertNull(e.se());
        assertTrue(!e.tested());
    }

    @Test
    void badFoldersAreOneLineErrors() throws IOException {
        assertMessage(dir.resolve("nowhere"), "no such folder");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertMessage(empty, "not an ab run folder (no ab.json)");
        Files.writeString(empty.resolve("new.json"), "[]");
        assertMessage(empty, "ab writes it since history was added, so rerun ab");
        Files.writeString(empty.resolve("ab.json"), "{\"rows\": [");
        assertMessage(empty, "malformed JSON");
        Files.writeString(empty.resolve("ab.json"), "[1, 2]");
        assertMessage(empty, "not the JSON of an ab run");
        Path noSidecar = AbRuns.write(dir, "ab-y", T, 1, AbRuns.ANCHOR, AbRuns.HEAD,
                List.of(AbRuns.Row.ss(AbRuns.SLEEP, "SEQUENTIAL", 0, 0.01)));
        Files.delete(noSidecar.resolve("base.env.json"));
        assertMessage(noSidecar, "no base.env.json");
    }

    private static void assertMessage(Path run, String expected) {
        HistoryException e = assertThrows(HistoryException.class, () -> RunFolder.read(run, Entry.ANCHOR, Entry.POINT));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }
}
