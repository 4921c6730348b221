package dev.concurrencybench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.concurrencybench.machine.CoreCheck;
import dev.concurrencybench.results.Environment;
import dev.concurrencybench.results.Sidecar;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CompareCommand.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    static Path resource(String name) {
        try {
            return Path.of(Objects.requireNonNull(CompareCommandTest.class.getResource("/dev/concurrencybench/results/" + name), name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Two real quick-profile runs of the same build (CpuBound and IoBound subsets), with their sidecars. */
    static List<Path> realAa() throws Exception {
        try (Stream<Path> s = Files.list(resource("aa"))) {
            return s.filter(p -> !Sidecar.isSidecar(p)).sorted().toList();
        }
    }

    @Test
    void realAaRunsOfTheQuickProfileExitZero() throws Exception {
        List<Path> aa = realAa();
        assertEquals(2, aa.size());
        Run r = run(aa.get(0).toString(), aa.get(1).toString());
        assertEquals(CompareCommand.OK, r.code(), r.out() + r.err());
        assertTrue(r.out().startsWith("benchmark "), "sidecars present, same machine: no warning, no note\n" + r.out());
        assertTrue(r.out().contains("OK: 6 rows, 0 regression(s)"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void realFileWithEveryModeAndGcProfilerComparesWithSecondaryRows() {
        Path f = resource("all-modes-gc.json");
        Run r = run("--format", "csv", f.toString(), f.toString());
        assertEquals(CompareCommand.OK, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("benchmark,metric,secondary,"));
        assertEquals(8, lines.stream().filter(l -> l.contains(",false,")).filter(l -> !l.startsWith("geomean")).count(),
                "eight primary rows: four modes x two params");
        assertTrue(lines.stream().anyMatch(l -> l.contains(",gc.alloc.rate.norm,true,")), r.out());
        assertTrue(lines.stream().anyMatch(l -> l.contains(",sample,")), r.out());
        assertTrue(lines.get(lines.size() - 1).startsWith("geomean,"));
    }

    @Test
    void regressionExitsOneAndEveryFormatSaysSo(@TempDir Path dir) throws Exception {
        Path base = dir.resolve("base.json");
        Path next = dir.resolve("new.json");
        writeJmh(base, new double[] {100, 10}, 1);
        writeJmh(next, new double[] {100, 20}, 2); // row 1: twice the time
        Run text = run(base.toString(), next.toString());
        assertEquals(CompareCommand.REGRESSION, text.code(), text.out() + text.err());
        assertTrue(text.out().contains("regression"), text.out());
        List<String> table = text.out().lines().filter(l -> !l.startsWith("note:")).toList();
        int verdictColumn = table.get(0).indexOf("verdict");
        assertTrue(table.get(2).indexOf("regression") == verdictColumn, "aligned columns:\n" + text.out());

        Run md = run("--format", "markdown", base.toString(), next.toString());
        assertEquals(1, md.code());
        assertTrue(md.out().contains("| benchmark | params | mode |"), md.out());
        assertTrue(md.out().contains("**regression**"), md.out());

        Run json = run("--format=json", "--base", base.toString(), "--new", next.toString());
        assertEquals(1, json.code());
        JsonNode root = MAPPER.readTree(json.out());
        assertTrue(root.get("regression").asBoolean());
        assertEquals("regression", root.get("rows").get(1).get("verdict").asText());
        assertEquals("1", root.get("rows").get(1).get("params").get("n").asText());
        assertEquals(2.0, root.get("rows").get(1).get("ratio").asDouble(), 0.05);

        Path out = dir.resolve("table.md");
        Run toFile = run("--format", "markdown", "-o", out.toString(), base.toString(), next.toString());
        assertEquals(1, toFile.code());
        assertEquals(md.out(), Files.readString(out));

        Run lenient = run("--min-effect", "150", base.toString(), next.toString());
        assertEquals(CompareCommand.OK, lenient.code(), "a 100% change is below a 150% minimum effect");
    }

    @Test
    void aDirectoryMeansItsNewestResultsFile(@TempDir Path dir) throws Exception {
        Path baseline = Files.createDirectories(dir.resolve("baseline"));
        writeJmh(baseline.resolve("20250101T000000Z-quick-all.json"), new double[] {100, 10}, 1);
        writeJmh(baseline.resolve("20260101T000000Z-quick-all.json"), new double[] {100, 20}, 2);
        Path next = dir.resolve("new.json");
        writeJmh(next, new double[] {100, 20}, 3);
        Run r = run(baseline.toString(), next.toString());
        assertEquals(CompareCommand.OK, r.code(), "the 2026 baseline matches the new run:\n" + r.out());
    }

    /** base.json and new.json of one row, with these sidecars; returns their paths as arguments. */
    private static String[] withSidecars(Path dir, Environment baseEnv, Environment newEnv) throws Exception {
        Path base = dir.resolve("base.json");
        Path next = dir.resolve("new.json");
        writeJmh(base, new double[] {100}, 1);
        writeJmh(next, new double[] {100}, 2);
        Sidecar.write(base, baseEnv);
        Sidecar.write(next, newEnv);
        return new String[] {base.toString(), next.toString()};
    }

    @Test
    void environmentDifferenceWarnsAndTheFlagMakesItFatal(@TempDir Path dir) throws Exception {
        String[] files = withSidecars(dir, env("CPU A"), env("CPU B"));
        String base = files[0];
        String next = files[1];
        Run warn = run(base, next);
        assertEquals(0, warn.code());
        assertTrue(warn.out().startsWith("warning: environment differs: CPU model: 'CPU A' vs 'CPU B'"), warn.out());
        Run fatal = run("--fail-on-env-diff", base, next);
        assertEquals(CompareCommand.BAD_INPUT, fatal.code());
        assertEquals("compare: environment differs: CPU model: 'CPU A' vs 'CPU B' (and --fail-on-env-diff is set)",
                fatal.err().strip());
    }

    @Test
    void coreChecksThatDifferWarnButDoNotFailEvenWithTheFlag(@TempDir Path dir) throws Exception {
        CoreCheck equal = ComparerTest.check(CoreCheck.Verdict.EQUAL);
        CoreCheck unequal = ComparerTest.check(CoreCheck.Verdict.UNEQUAL);
        String[] files = withSidecars(dir, env("CPU A").withMachine(null, equal, equal),
                env("CPU A").withMachine(null, unequal, unequal));
        for (String[] args : List.of(files, new String[] {"--fail-on-env-diff", files[0], files[1]})) {
            Run r = run(args);
            assertEquals(CompareCommand.OK, r.code(), r.err());
            assertTrue(r.out().startsWith("warning: core checks differ: base equal before and after; new unequal before and after"),
                    r.out());
        }
        Run json = run("--format", "json", files[0], files[1]);
        assertTrue(json.err().startsWith("compare: warning: core checks differ: "), json.err());
        assertTrue(MAPPER.readTree(json.out()).get("warnings").get(0).asText().startsWith("core checks differ: "), json.out());
    }

    private static Environment env(String cpu) {
        return new Environment(Environment.FORMAT, "x.json", "2026-11-27T00:00:00Z", "quick", cpu, 2, 1L << 30, "Linux",
                "6.1", "amd64", "Eclipse Adoptium", "21.0.5+11", List.of(), List.of(), null, null);
    }

    @Test
    void everyBadInputIsOneLineAndExitTwo(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good.json");
        writeJmh(good, new double[] {1}, 1);
        Files.writeString(dir.resolve("malformed.json"), "[{\"benchmark\":");
        Files.writeString(dir.resolve("notjmh.json"), "{\"hello\": \"world\"}");
        Files.writeString(dir.resolve("empty.json"), "[]");
        Files.createDirectories(dir.resolve("nothing"));
        String g = good.toString();
        assertBad(run(dir.resolve("missing.json").toString(), g), "missing.json: no such file");
        assertBad(run(dir.resolve("malformed.json").toString(), g), "malformed JSON");
        assertBad(run(g, dir.resolve("notjmh.json").toString()), "not JMH JSON output");
        assertBad(run(g, dir.resolve("empty.json").toString()), "empty result list");
        assertBad(run(dir.resolve("nothing").toString(), g), "no results file in this directory");
        assertBad(run(g), "need two files");
        assertBad(run(), "need base and new results");
        assertBad(run("--base", g), "need base and new results");
        assertBad(run("--format", "xml", g, g), "unknown format 'xml'");
        assertBad(run("--alpha", "2", g, g), "alpha must be between 0 and 1");
        assertBad(run("--alpha", "abc", g, g), "abc");
        assertBad(run("--min-forks", "1", g, g), "min forks must be at least 2");
        assertBad(run("--frobnicate", g, g), "--frobnicate");
        assertBad(run(g, g, "--base", g), "not both");
    }

    private static void assertBad(Run r, String expected) {
        assertEquals(CompareCommand.BAD_INPUT, r.code(), r.out() + r.err());
        assertEquals(1, r.err().lines().count(), "one line:\n" + r.err());
        assertTrue(r.err().startsWith("compare: "), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertEquals("", r.out());
    }

    @Test
    void helpExitsZero() {
        Run r = run("--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("--min-effect"), r.out());
    }

    /**
     * Writes JMH-shaped JSON: one avgt row per center (param n = its index), 4 forks x 5
     * iterations with 1% noise.
     */
    static void writeJmh(Path file, double[] centers, long seed) throws Exception {
        Random random = new Random(seed);
        ArrayNode root = MAPPER.createArrayNode();
        for (int i = 0; i < centers.length; i++) {
            ObjectNode row = root.addObject();
            row.put("jmhVersion", "1.37");
            row.put("benchmark", "dev.example.Bench.m");
            row.put("mode", "avgt");
            row.put("threads", 1);
            row.put("forks", 4);
            row.put("jdkVersion", "21.0.5");
            row.put("vmName", "OpenJDK 64-Bit Server VM");
            row.putArray("jvmArgs").add("-Xmx2g");
            row.putObject("params").put("n", String.valueOf(i));
            ObjectNode m = row.putObject("primaryMetric");
            m.put("score", centers[i]);
            m.put("scoreError", "NaN");
            m.put("scoreUnit", "ms/op");
            ArrayNode raw = m.putArray("rawData");
            for (double[] fork : Synthetic.draw(random, centers[i], new Synthetic.Noise(0.01, 0.01), 4, 5)) {
                ArrayNode f = raw.addArray();
                for (double x : fork) {
                    f.add(x);
                }
            }
            row.putObject("secondaryMetrics");
        }
        MAPPER.writeValue(file.toFile(), root);
    }
}
