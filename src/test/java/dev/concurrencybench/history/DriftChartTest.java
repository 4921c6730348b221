package dev.concurrencybench.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slow creep on the dashboard: one row of 60 nightly runs with ten 1% steps, one every six runs, and
 * 2% noise on each run (the drift case), through {@code history check} and {@code history
 * report}. docs/history.md shows its chart, made by
 * {@code mvn -o test -Dtest=DriftChartTest -Dhistory.drift.png=docs/history-drift.png}.
 */
class DriftChartTest {

    @TempDir
    Path dir;

    @Test
    void creepReadsAsAStaircaseWhoseNewestStepIsARegression() throws IOException {
        Random random = new Random(10);
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < ChangePointsTest.POINTS; i++) {
            double ln = Math.log(1.01) * Math.min(10, (i + 3) / 6) + ChangePointsTest.SIGMA * random.nextGaussian();
            String head = String.format("%010x", 0xd000000000L + i) + "0".repeat(30);
            entries.add(new Entry(Entry.FORMAT, Entry.ANCHOR, Entry.POINT, String.format("ab-2026%04d", i), 1L,
                    java.time.Instant.parse("2026-09-01T02:00:00Z").plusSeconds(86_400L * i).toString(),
                    AbRuns.FIB, "ss", java.util.Map.of("model", "FIXED_POOL"), "ms/op", ln, ChangePointsTest.SIGMA, null,
                    Math.exp(ln), null, null, 0.95, null, "no change", 20, LinesTest.A,
                    new Entry.Build(head, false, "benchmarks.jar", null), null));
        }
        Path store = dir.resolve("store");
        Store.append(store, entries);
        System.out.print(HistoryCommandTest.run("check", "--store", store.toString()).out());
        HistoryCommandTest.Outcome check = HistoryCommandTest.run("check", "--store", store.toString(), "--format", "json");
        assertEquals(1, check.code(), check.out());
        JsonNode changes = new ObjectMapper().readTree(check.out()).get("rows").get(0).get("changes");
        assertTrue(changes.size() >= 2, changes.toString());
        for (JsonNode c : changes) {
            assertTrue(c.get("ratio").asDouble() > 1, "every step of the staircase goes up: " + c);
        }
        Path out = dir.resolve("dashboard");
        assertEquals(0, HistoryCommandTest.run("report", "--store", store.toString(), "-o", out.toString()).code());
        String id = Pattern.compile("<section id=\"([a-z0-9-]+)\">").matcher(Files.readString(out.resolve(Dashboard.HTML)))
                .results().findFirst().orElseThrow().group(1);
        Path png = out.resolve(id + ".png");
        assertTrue(Files.size(png) > 5_000);
        String target = System.getProperty("history.drift.png");
        if (target != null) {
            Files.copy(png, Path.of(target), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
