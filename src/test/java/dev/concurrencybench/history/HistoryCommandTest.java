package dev.concurrencybench.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code history add}, {@code check} and {@code report} through their command line, on eight simulated
 * ab runs shaped like the real target: two sleep rows and two fib-list rows, runs 1-5 the same code on
 * both sides, runs 6-8 a build whose sleeps take 8% longer.
 */
class HistoryCommandTest {

    @TempDir
    Path dir;
    Path store;
    List<Path> runs;

    record Outcome(int code, String out, String err) {
    }

    static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = HistoryCommand.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    @BeforeEach
    void runs() throws IOException {
        runs = AbRuns.stepSeries(dir.resolve("results"), 8);
        store = dir.resolve("store");
    }

    private Outcome add(List<Path> folders, String... more) {
        List<String> args = new ArrayList<>(List.of("add", "--store", store.toString()));
        folders.forEach(f -> args.add(f.toString()));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    @Test
    void addingARunTwiceChangesNothing() throws IOException {
        Outcome first = add(runs.subList(0, 5));
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().startsWith("history add: 20 new lines from 5 runs (0 already in the store)"), first.out());
        byte[] before = Files.readAllBytes(Store.file(store));
        Outcome again = add(runs.subList(0, 5));
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().startsWith("history add: 0 new lines from 5 runs (20 already in the store)"), again.out());
        assertArrayEquals(before, Files.readAllBytes(Store.file(store)));
        assertEquals(0, add(runs).code());
        assertEquals(32, Files.readAllLines(Store.file(store)).size());
    }

    @Test
    void checkNamesTheSleepRowsChangeAtRunSixAndExitsOne() throws IOException {
        assertEquals(0, add(runs).code());
        Outcome text = run("check", "--store", store.toString());
        assertEquals(1, text.code(), text.out() + text.err());
        List<String> lines = text.out().lines().toList();
        assertTrue(lines.get(0).startsWith("history check: 4 rows, 8 runs against the anchor from 2026-12-05 00:10Z to"
                + " 2026-12-05 07:10Z; alpha 0.01, minimum effect 2%, segments of 2 runs or more"), lines.get(0));
        for (String model : List.of("SEQUENTIAL", "FIXED_POOL")) {
            int at = lines.indexOf(lines.stream().filter(l -> l.startsWith("IoBoundBenchmark.sleepTasks model=" + model + ": 1 change point"))
                    .findFirst().orElseThrow(() -> new AssertionError(text.out())));
            String change = lines.get(at + 1);
            assertTrue(change.matches("  run 6  2026-12-05 05:10Z  8a1c0f2000\\.\\.8a1c0f2000\\+dirty  \\+[78]\\.\\d% \\[\\+7\\.\\d%, \\+8\\.\\d%]"
                    + "  p 0\\.001  regression \\(newest segment\\)"), change);
        }
        for (String model : List.of("SEQUENTIAL", "FIXED_POOL")) {
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("CpuBoundBenchmark.fibList model=" + model
                    + ": no change point in 8 runs; level ")), text.out());
        }
        assertTrue(lines.get(lines.size() - 1).startsWith("REGRESSION: the newest segment of 2 rows is slower"), text.out());

        JsonNode json = new ObjectMapper().readTree(run("check", "--store", store.toString(), "--format", "json").out());
        assertTrue(json.get("regression").asBoolean());
        int changes = 0;
        for (JsonNode row : json.get("rows")) {
            for (JsonNode c : row.get("changes")) {
                changes++;
                assertEquals(6, c.get("run").asInt());
                assertEquals("regression", c.get("verdict").asText());
                assertTrue(c.get("newest").asBoolean());
                assertEquals(1.08, c.get("ratio").asDouble(), 0.01);
                assertTrue(c.get("ciLow").asDouble() < 1.08 && 1.08 < c.get("ciHigh").asDouble() + 0.003);
            }
        }
        assertEquals(2, changes);
        Outcome md = run("check", "--store", store.toString(), "--format", "markdown");
        assertEquals(1, md.code());
        assertEquals(2, md.out().lines().filter(l -> l.startsWith("| IoBoundBenchmark.sleepTasks") && l.contains("| 6 |")
                && l.endsWith("**regression** (newest) |")).count(), md.out());
    }

    @Test
    void overTheFirstFiveRunsAloneCheckExitsZero() {
        assertEquals(0, add(runs.subList(0, 5)).code());
        Outcome check = run("check", "--store", store.toString());
        assertEquals(0, check.code(), check.out());
        assertFalse(check.out().contains("change point;") || check.out().contains("change points;"), check.out());
        assertTrue(check.out().endsWith("OK: no row's newest segment is slower than the one before it by the minimum effect"
                + " or more.\n"), check.out());
    }

    @Test
    void aChangeBelowTheMinimumEffectIsListedButDoesNotFail() {
        assertEquals(0, add(runs).code());
        Outcome check = run("check", "--store", store.toString(), "--min-effect", "10");
        assertEquals(0, check.code(), check.out());
        assertTrue(check.out().contains("p 0.001  below the minimum effect (newest segment)"), check.out());
    }

    @Test
    void theDashboardHasAChartPerRowTheLatestChangePointsAndNothingFromElsewhere() throws IOException {
        assertEquals(0, add(runs).code());
        Path out = dir.resolve("dashboard");
        Outcome report = run("report", "--store", store.toString(), "-o", out.toString());
        assertEquals(0, report.code(), report.err());
        assertEquals("history report: 4 charts for 4 rows in " + out.resolve("index.html") + "\n", report.out());
        String html = Files.readString(out.resolve("index.html"));
        List<String> ids = new ArrayList<>();
        Matcher m = Pattern.compile("<section id=\"([a-z0-9-]+)\">").matcher(html);
        while (m.find()) {
            ids.add(m.group(1));
        }
        assertEquals(4, ids.size(), html);
        for (String id : ids) {
            assertTrue(Files.size(out.resolve(id + ".png")) > 1000);
            assertTrue(Files.readString(out.resolve(id + ".svg")).contains("<svg"));
        }
        // The index groups rows by the report's lessons, in its order.
        assertTrue(html.indexOf("<h3>CPU-bound</h3>") < html.indexOf("<h3>IO-bound</h3>"), html);
        // Two change points, each linking to its row's chart, the verdict in red.
        assertEquals(2, Pattern.compile("<tr><td><a href=\"#history-iobound[a-z-]+\">IoBoundBenchmark.sleepTasks model=[A-Z_]+"
                + "</a></td><td>6</td>.*<td class=\"regression\">regression</td></tr>").matcher(html).results().count(), html);
        assertTrue(html.contains("class=\"banner\" role=\"alert\">REGRESSION: "), html);
        assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(html).find(), "nothing loaded from elsewhere");
        assertFalse(html.contains("<script"));
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(9, files.count(), "index.html and a PNG and an SVG per chart");
        }
    }

    @Test
    void badInputIsOneLineAndExitTwoAndTheStoreIsLeftAsItWas() throws IOException {
        assertEquals(0, add(runs.subList(0, 2)).code());
        byte[] before = Files.readAllBytes(Store.file(store));
        Path notARun = Files.createDirectories(dir.resolve("not-a-run"));
        List<Outcome> bad = List.of(
                add(List.of(runs.get(2), dir.resolve("missing"))),
                add(List.of(runs.get(2), notARun)),
                add(List.of(runs.get(2)), "--series", "nightly"),
                add(List.of(runs.get(2)), "--series", "commits", "--link"),
                run("check", "--store", store.toString(), "--format", "yaml"),
                run("check", "--store", store.toString(), "--alpha", "2"),
                run("check", "--store", dir.resolve("nowhere").toString()),
                run("report", "--store", store.toString()),
                run("frobnicate"));
        for (Outcome o : bad) {
            assertEquals(2, o.code(), o.out() + o.err());
            assertEquals(1, o.err().lines().count(), o.err());
            assertTrue(o.err().startsWith("history: "), o.err());
        }
        assertArrayEquals(before, Files.readAllBytes(Store.file(store)));

        Files.writeString(Store.file(store), Files.readString(Store.file(store)) + "{\"format\":\"concurrency-bench-history/1\"\n");
        byte[] corrupt = Files.readAllBytes(Store.file(store));
        for (Outcome o : List.of(add(List.of(runs.get(2))), run("check", "--store", store.toString()))) {
            assertEquals(2, o.code());
            assertTrue(o.err().startsWith("history: " + Store.file(store) + " line 9: not JSON"), o.err());
        }
        assertArrayEquals(corrupt, Files.readAllBytes(Store.file(store)));
    }

    @Test
    void historyWithoutASubcommandShowsUsageAndExitsTwo() {
        Outcome o = run();
        assertEquals(2, o.code());
        assertTrue(o.err().contains("add") && o.err().contains("check") && o.err().contains("report"), o.err());
    }
}
