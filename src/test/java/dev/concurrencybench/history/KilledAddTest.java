package dev.concurrencybench.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.concurrencybench.Main;
import dev.concurrencybench.process.JavaCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code history add} killed with SIGKILL at 20 random moments, in a JVM of its own as a user or CI
 * starts it: the store is always either the old file or the new one, byte for byte, and it parses.
 */
class KilledAddTest {

    static final int KILLS = 20;

    @TempDir
    Path dir;

    private Process add(Path run, Path store) throws IOException {
        return new ProcessBuilder(JavaCommand.of(List.of(), Main.class,
                List.of("history", "add", run.toString(), "--store", store.toString())))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(dir.resolve("err.txt").toFile()).start();
    }

    @Test
    void aKilledAddLeavesTheOldStoreOrTheNewOneAndItParses() throws Exception {
        // A store of some megabytes, so that writing it takes a share of the run.
        List<Path> runs = AbRuns.stepSeries(dir.resolve("runs"), 8);
        List<Entry> lines = new ArrayList<>();
        for (Path r : runs.subList(0, 7)) {
            lines.addAll(RunFolder.read(r, Entry.ANCHOR, Entry.POINT));
        }
        List<Entry> many = new ArrayList<>();
        for (int copy = 0; copy < 500; copy++) {
            for (Entry e : lines) {
                many.add(new Entry(e.format(), e.series(), e.kind(), e.run() + "-" + copy, e.seed(), e.time(), e.benchmark(),
                        e.mode(), e.params(), e.unit(), e.lnRatio(), e.se(), e.df(), e.ratio(), e.ciLow(), e.ciHigh(),
                        e.level(), e.mde(), e.verdict(), e.pairs(), e.anchor(), e.head(), e.machine()));
            }
        }
        Path store = dir.resolve("store");
        Store.append(store, many);
        byte[] old = Files.readAllBytes(Store.file(store));

        // One add to the end measures how long a whole one takes, and gives the new store.
        long start = System.nanoTime();
        Process whole = add(runs.get(7), store);
        assertTrue(whole.waitFor(2, TimeUnit.MINUTES) && whole.exitValue() == 0, Files.readString(dir.resolve("err.txt")));
        long nanos = System.nanoTime() - start;
        byte[] next = Files.readAllBytes(Store.file(store));
        assertEquals(many.size() + 4, Store.read(store).size(), "the last run's four rows added");

        Random random = new Random(20);
        int oldSeen = 0;
        int newSeen = 0;
        for (int i = 0; i < KILLS; i++) {
            Files.write(Store.file(store), old);
            Process p = add(runs.get(7), store);
            // A bounded wait for the add to end; at a random moment within its usual length, it is killed instead.
            long moment = (long) (random.nextDouble() * 1.1 * nanos);
            if (!p.waitFor(moment, TimeUnit.NANOSECONDS)) {
                p.destroyForcibly();
                if (!p.waitFor(1, TimeUnit.MINUTES)) {
                    fail("a killed add did not end");
                }
            }
            byte[] now = Files.readAllBytes(Store.file(store));
            if (Arrays.equals(now, old)) {
                oldSeen++;
            } else {
                assertArrayEquals(next, now, "neither the old store nor the new one after kill " + (i + 1));
                newSeen++;
            }
            assertEquals(now.length == old.length ? many.size() : many.size() + 4, Store.read(store).size());
        }
        System.out.printf("killed add: the old store %d times, the new one %d times, of %d%n", oldSeen, newSeen, KILLS);
        assertEquals(KILLS, oldSeen + newSeen);

        // A later add removes what a killed one left behind.
        Files.write(Store.file(store), old);
        Process last = add(runs.get(7), store);
        assertTrue(last.waitFor(2, TimeUnit.MINUTES) && last.exitValue() == 0);
        try (Stream<Path> files = Files.list(store)) {
            assertEquals(List.of(Store.file(store)), files.toList());
        }
        assertArrayEquals(next, Files.readAllBytes(Store.file(store)));
    }
}
