package dev.concurrencybench.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A thousand runs per row, added, checked and drawn: the dashboard stays one readable chart per row
 * (a line without a marker per run, BandChartRendererTest; a few segments; the true change point). How long each step
 * takes on 64 rows is measured with the commands in docs/history.md, which set
 * {@code -Dhistory.scale.rows=64 -Dhistory.scale.dir=DIR} to keep the runs; the test asserts on what
 * comes out, not on time.
 */
class HistoryScaleTest {

    static final int RUNS = 1000;
    static final int STEP = 700;

    @TempDir
    Path tmp;

    @Test
    void aThousandRunsPerRowAreAddedCheckedAndDrawnOneReadableChartPerRow() throws IOException {
        int rows = Integer.getInteger("history.scale.rows", 4);
        Path root = System.getProperty("history.scale.dir") == null ? tmp : Path.of(System.getProperty("history.scale.dir"));
        List<Path> runs = AbRuns.nightly(root.resolve("runs"), RUNS, rows, STEP);
        Path store = root.resolve("store");
        List<String> add = new ArrayList<>(List.of("add", "--store", store.toString()));
        runs.forEach(r -> add.add(r.toString()));
        HistoryCommandTest.Outcome added = HistoryCommandTest.run(add.toArray(String[]::new));
        assertEquals(0, added.code(), added.err());
        assertTrue(added.out().startsWith("history add: " + RUNS * rows + " new lines from " + RUNS + " runs"), added.out());

        HistoryCommandTest.Outcome check = HistoryCommandTest.run("check", "--store", store.toString(), "--format", "json");
        assertEquals(1, check.code(), check.err());
        JsonNode json = new ObjectMapper().readTree(check.out());
        JsonNode first = null;
        int others = 0;
        for (JsonNode row : json.get("rows")) {
            if (row.get("benchmark").asText().equals(AbRuns.FIB) && row.get("params").get("model").asText().equals("M0")) {
                first = row;
            } else {
                others += row.get("changes").size();
            }
        }
        assertEquals(RUNS, first.get("runs").asInt());
        JsonNode changes = first.get("changes");
        JsonNode newest = changes.get(changes.size() - 1);
        assertEquals(STEP, newest.get("run").asInt(), 2, first.toString());
        assertEquals(1.06, newest.get("ratio").asDouble(), 0.01);
        assertEquals("regression", newest.get("verdict").asText());
        // At alpha 0.01 per test, a long quiet stretch may get a small change point by chance now and then.
        others += changes.size() - 1;
        assertTrue(others <= 1 + rows / 4, others + " change points where there is none");
        for (JsonNode c : changes) {
            assertTrue(c == newest || !c.get("verdict").asText().equals("regression"), "no other regression: " + c);
        }

        Path out = root.resolve("dashboard");
        HistoryCommandTest.Outcome report = HistoryCommandTest.run("report", "--store", store.toString(), "-o", out.toString());
        assertEquals(0, report.code(), report.err());
        String html = Files.readString(out.resolve(Dashboard.HTML));
        assertEquals(rows, Pattern.compile("<section id=").matcher(html).results().count());
        assertTrue(html.contains("<td>" + newest.get("run").asInt() + "</td>"), "the change point is listed");
        for (var m : Pattern.compile("<section id=\"([a-z0-9-]+)\">").matcher(html).results().toList()) {
            Path svg = out.resolve(m.group(1) + ".svg");
            // A line and a band of a thousand runs each, and the text as outlines: some hundreds of kB.
            assertTrue(Files.size(svg) < 5_000_000, svg + ": " + Files.size(svg) + " bytes");
            assertTrue(Files.size(out.resolve(m.group(1) + ".png")) > 5_000);
        }
    }
}
