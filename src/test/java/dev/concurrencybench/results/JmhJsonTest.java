package dev.concurrencybench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JmhJsonTest {

    static Path resource(String name) {
        try {
            return Path.of(Objects.requireNonNull(JmhJsonTest.class.getResource(name), name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readsRealSingleShotRunWithForksAndParams() {
        List<BenchmarkResult> rows = JmhJson.read(resource("cpu-busy-1.json"));
        assertEquals(3, rows.size());
        BenchmarkResult first = rows.get(0);
        assertEquals("dev.concurrencybench.bench.CpuBoundBenchmark.fibList", first.benchmark());
        assertEquals("CpuBoundBenchmark.fibList", first.shortName());
        assertEquals(BenchMode.SINGLE_SHOT_TIME, first.mode());
        assertEquals("SEQUENTIAL", first.params().get("model"));
        assertEquals("36,35,34,33,32,31,30,25,20,15,10", first.params().get("fibs"));
        assertEquals("ms/op", first.primary().unit());
        assertEquals(3, first.primary().forkCount(), "-f 3");
        for (int f = 0; f < 3; f++) {
            assertEquals(3, first.primary().iterations(f).length, "-i 3");
        }
        double mean = java.util.Arrays.stream(first.primary().allIterations()).average().orElseThrow();
        assertEquals(first.primary().score(), mean, 1e-9 * mean, "ss score is the mean of all iterations");
        assertEquals(List.of("-Xms2g", "-Xmx2g"), first.vm().jvmArgs());
        assertFalse(first.vm().jdkVersion().isBlank());
        assertEquals("1.37", first.vm().jmhVersion());
    }

    @Test
    void readsEveryModeSampleHistogramsNaNStringsAndSecondaryMetrics() {
        List<BenchmarkResult> rows = JmhJson.read(resource("all-modes-gc.json"));
        assertEquals(8, rows.size());
        for (BenchMode mode : BenchMode.values()) {
            assertEquals(2, rows.stream().filter(r -> r.mode() == mode).count(), mode.label());
        }
        BenchmarkResult thrpt = rows.stream().filter(r -> r.mode() == BenchMode.THROUGHPUT).findFirst().orElseThrow();
        assertEquals(Boolean.TRUE, thrpt.primary().higherIsBetterByUnit());
        assertEquals(Boolean.FALSE, thrpt.secondary().get("gc.alloc.rate.norm").higherIsBetterByUnit());
        assertNull(thrpt.secondary().get("gc.alloc.rate").higherIsBetterByUnit(), "MB/sec says neither");

        BenchmarkResult sample = rows.stream().filter(r -> r.mode() == BenchMode.SAMPLE_TIME).findFirst().orElseThrow();
        Metric m = sample.primary();
        assertEquals(1, m.histograms().size(), "one fork");
        assertEquals(2, m.histograms().get(0).size(), "two iterations");
        long samples = m.histograms().get(0).stream().mapToLong(Histogram::count).sum();
        assertTrue(samples > 2, "a sample run takes many samples per iteration");
        // The score is the mean over every sample of every iteration; the iteration means, weighted by count, give it back.
        double weighted = 0;
        for (Histogram h : m.histograms().get(0)) {
            weighted += h.mean() * h.count();
        }
        assertEquals(m.score(), weighted / samples, 1e-9 * m.score());
        assertEquals(m.histograms().get(0).get(0).mean(), m.rawData().get(0).get(0), 0.0);
        // JMH writes "NaN" as a string for a metric without an error estimate.
        assertTrue(Double.isNaN(sample.secondary().get("p0.50").scoreError()));
        assertTrue(sample.secondary().containsKey("gc.alloc.rate.norm"));
    }

    @Test
    void paramsOrderDoesNotChangeTheKeyButValuesDo() {
        String a = row("{\"a\":\"1\",\"b\":\"2\"}");
        String b = row("{\"b\":\"2\",\"a\":\"1\"}");
        String c = row("{\"a\":\"1\",\"b\":\"3\"}");
        List<BenchmarkResult> rows = JmhJson.parse("test", "[" + a + "," + b + "," + c + "]");
        assertEquals(rows.get(0).key(), rows.get(1).key());
        assertFalse(rows.get(0).key().equals(rows.get(2).key()));
        assertEquals("X.m thrpt a=1 b=3", rows.get(2).key().display());
    }

    @Test
    void rowWithoutParamsAndNonFiniteStrings() {
        String json = "[{\"benchmark\":\"p.X.m\",\"mode\":\"avgt\",\"primaryMetric\":{\"score\":\"Infinity\","
                + "\"scoreError\":\"NaN\",\"scoreUnit\":\"us/op\",\"rawData\":[[\"-Infinity\",1.5,\"NaN\"]]}}]";
        BenchmarkResult r = JmhJson.parse("test", json).get(0);
        assertEquals(Map.of(), r.params());
        assertEquals(Double.POSITIVE_INFINITY, r.primary().score());
        assertTrue(Double.isNaN(r.primary().scoreError()));
        double[] it = r.primary().iterations(0);
        assertEquals(Double.NEGATIVE_INFINITY, it[0]);
        assertEquals(1.5, it[1]);
        assertTrue(Double.isNaN(it[2]));
        assertEquals("X.m avgt", r.key().display());
    }

    @Test
    void aRowNamesItsClassMethodParamsAndSecondaryMetrics() {
        String json = "[{\"benchmark\":\"p.q.X.m\",\"mode\":\"thrpt\",\"params\":{\"a\":\"1\"},"
                + "\"primaryMetric\":{\"score\":1,\"scoreUnit\":\"ops/s\",\"rawData\":[[1]]},"
                + "\"secondaryMetrics\":{\"made\":{\"score\":2,\"scoreUnit\":\"ops/s\",\"rawData\":[[2]]},"
                + "\"m:kept\":{\"score\":3,\"scoreUnit\":\"ops/s\",\"rawData\":[[3]]}}},"
                + "{\"benchmark\":\"bare\",\"mode\":\"ss\",\"primaryMetric\":{\"score\":1,\"scoreUnit\":\"s/op\"}}]";
        List<BenchmarkResult> rows = JmhJson.parse("test", json);
        BenchmarkResult r = rows.get(0);
        assertEquals("X", r.className());
        assertEquals("m", r.method());
        assertEquals("1", r.param("a"));
        assertNull(r.param("b"));
        assertEquals(2, r.secondary("made").score());
        assertEquals(3, r.secondary("kept").score(), "JMH may key a metric by method:name");
        assertNull(r.secondary("lost"));
        assertEquals("", rows.get(1).className());
        assertEquals("bare", rows.get(1).method());
        assertEquals("x.json", new ResultsFile(Path.of("some", "dir", "x.json"), rows, java.util.Optional.empty()).name());
    }

    @ParameterizedTest
    @EnumSource(BenchMode.class)
    void everyModeLabelRoundTripsAndSaysItsDirection(BenchMode mode) {
        assertEquals(mode, BenchMode.ofLabel(mode.label()));
        assertEquals(mode == BenchMode.THROUGHPUT, mode.higherIsBetter());
    }

    @Test
    void badInputsAreOneLineErrorsNamingTheFile(@TempDir Path dir) throws Exception {
        assertBad(dir.resolve("missing.json"), null, "no such file");
        assertBad(dir.resolve("malformed.json"), "[{\"benchmark\": ", "malformed JSON");
        assertBad(dir.resolve("object.json"), "{\"benchmark\":\"x\"}", "not JMH JSON output");
        assertBad(dir.resolve("other.json"), "[{\"name\":\"x\"}]", "not JMH JSON output");
        assertBad(dir.resolve("mode.json"), "[{\"benchmark\":\"a.B.c\",\"mode\":\"fast\",\"primaryMetric\":{\"score\":1}}]",
                "unknown JMH mode 'fast'");
        assertBad(dir.resolve("noscore.json"), "[{\"benchmark\":\"a.B.c\",\"mode\":\"ss\",\"primaryMetric\":{}}]",
                "primaryMetric.score");
        assertBad(dir.resolve("empty.json"), "[]", "empty result list");
        assertBad(dir.resolve("blank.json"), "", "not JMH JSON output");
    }

    private static void assertBad(Path file, String content, String expected) throws Exception {
        if (content != null) {
            Files.writeString(file, content);
        }
        ResultsException e = assertThrows(ResultsException.class, () -> JmhJson.read(file));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    private static String row(String params) {
        return "{\"benchmark\":\"p.X.m\",\"mode\":\"thrpt\",\"params\":" + params
                + ",\"primaryMetric\":{\"score\":1.0,\"scoreError\":0.1,\"scoreUnit\":\"ops/s\",\"rawData\":[[1.0]]}}";
    }
}
