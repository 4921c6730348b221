package dev.concurrencybench.results;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JMH 1.37's JSON results ({@code -rf json}) into {@link BenchmarkResult}s. Every mode is
 * understood, including {@code sample} with {@code rawDataHistogram}; numbers JMH wrote as strings
 * ({@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}) become doubles; secondary metrics (e.g.
 * from {@code -prof gc}) are kept. Each failure is a {@link ResultsException} whose message is one
 * line naming the file.
 */
public final class JmhJson {

    private static final ObjectMapper MAPPER = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();

    private JmhJson() {
    }

    /** Reads one results file; it must hold at least one benchmark row. */
    public static List<BenchmarkResult> read(Path file) {
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new ResultsException(file + ": no such file");
        } catch (JacksonException e) {
            throw new ResultsException(file + ": malformed JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new ResultsException(file + ": cannot read: " + e.getMessage());
        }
        return parse(file.toString(), root);
    }

    /** Parses JSON text already in memory; {@code source} names it in messages. */
    public static List<BenchmarkResult> parse(String source, String json) {
        try {
            return parse(source, MAPPER.readTree(json));
        } catch (JacksonException e) {
            throw new ResultsException(source + ": malformed JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
    }

    private static List<BenchmarkResult> parse(String source, JsonNode root) {
        if (root == null || root.isMissingNode() || !root.isArray()) {
            throw new ResultsException(source + ": not JMH JSON output (expected a list of benchmark results)");
        }
        if (root.isEmpty()) {
            throw new ResultsException(source + ": empty result list (the run produced no results)");
        }
        List<BenchmarkResult> rows = new ArrayList<>(root.size());
        int index = 0;
        for (JsonNode row : root) {
            try {
                rows.add(row(row));
            } catch (IllegalArgumentException e) {
                throw new ResultsException(source + ": not JMH JSON output: result " + index + ": " + e.getMessage());
            }
            index++;
        }
        return rows;
    }

    private static BenchmarkResult row(JsonNode n) {
        if (!n.isObject()) {
            throw new IllegalArgumentException("expected an object");
        }
        String benchmark = text(n, "benchmark");
        BenchMode mode = BenchMode.ofLabel(text(n, "mode"));
        Map<String, String> params = new LinkedHashMap<>();
        JsonNode p = n.path("params");
        if (p.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                params.put(e.getKey(), e.getValue().asText());
            }
        }
        JsonNode primaryNode = n.get("primaryMetric");
        if (primaryNode == null || !primaryNode.isObject()) {
            throw new IllegalArgumentException("'primaryMetric' is missing");
        }
        Metric primary = metric(primaryNode, "primaryMetric");
        Map<String, Metric> secondary = new LinkedHashMap<>();
        JsonNode s = n.path("secondaryMetrics");
        if (s.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = s.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                secondary.put(e.getKey(), metric(e.getValue(), "secondaryMetrics." + e.getKey()));
            }
        }
        List<String> jvmArgs = new ArrayList<>();
        n.path("jvmArgs").forEach(a -> jvmArgs.add(a.asText()));
        BenchmarkResult.VmInfo vm = new BenchmarkResult.VmInfo(n.path("jmhVersion").asText(""), n.path("jvm").asText(""),
                n.path("jdkVersion").asText(""), n.path("vmName").asText(""), n.path("vmVersion").asText(""), jvmArgs,
                n.path("warmupIterations").asInt(0), n.path("warmupTime").asText(""),
                n.path("measurementIterations").asInt(0), n.path("measurementTime").asText(""));
        return new BenchmarkResult(benchmark, mode, n.path("threads").asInt(1), n.path("forks").asInt(0), params,
                primary, secondary, vm);
    }

    private static Metric metric(JsonNode m, String where) {
        if (!m.isObject()) {
            throw new IllegalArgumentException("'" + where + "' is not an object");
        }
        double score = number(m.get("score"), where + ".score");
        double error = m.has("scoreError") ? number(m.get("scoreError"), where + ".scoreError") : Double.NaN;
        String unit = m.path("scoreUnit").asText("");
        List<List<Double>> raw = new ArrayList<>();
        List<List<Histogram>> histograms = new ArrayList<>();
        JsonNode hist = m.get("rawDataHistogram");
        if (hist != null && hist.isArray()) {
            for (JsonNode fork : hist) {
                List<Histogram> forkHist = new ArrayList<>();
                List<Double> forkMeans = new ArrayList<>();
                for (JsonNode iteration : array(fork, where + ".rawDataHistogram[]")) {
                    Histogram h = histogram(iteration, where);
                    forkHist.add(h);
                    forkMeans.add(h.mean());
                }
                histograms.add(forkHist);
                raw.add(forkMeans);
            }
        } else {
            JsonNode rawNode = m.get("rawData");
            if (rawNode != null) {
                for (JsonNode fork : array(rawNode, where + ".rawData")) {
                    List<Double> values = new ArrayList<>();
                    for (JsonNode v : array(fork, where + ".rawData[]")) {
                        values.add(number(v, where + ".rawData"));
                    }
                    raw.add(values);
                }
            }
        }
        return new Metric(score, error, unit, raw, histograms);
    }

    private static Histogram histogram(JsonNode iteration, String where) {
        JsonNode pairs = array(iteration, where + ".rawDataHistogram[][]");
        double[] values = new double[pairs.size()];
        long[] counts = new long[pairs.size()];
        int i = 0;
        for (JsonNode pair : pairs) {
            if (!pair.isArray() || pair.size() != 2) {
                throw new IllegalArgumentException(where + ".rawDataHistogram entries must be [value, count] pairs");
            }
            values[i] = number(pair.get(0), where + ".rawDataHistogram value");
            counts[i] = (long) number(pair.get(1), where + ".rawDataHistogram count");
            i++;
        }
        return new Histogram(values, counts);
    }

    private static JsonNode array(JsonNode n, String where) {
        if (!n.isArray()) {
            throw new IllegalArgumentException("'" + where + "' is not a list");
        }
        return n;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException("'" + field + "' is missing");
        }
        return v.asText();
    }

    /** A JSON number, or one of the strings JMH writes for non-finite values. */
    static double number(JsonNode v, String where) {
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("'" + where + "' is missing");
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isTextual()) {
            switch (v.asText().strip()) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                case "+Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    try {
                        return Double.parseDouble(v.asText().strip());
                    } catch (NumberFormatException e) {
                        break;
                    }
            }
        }
        throw new IllegalArgumentException("'" + where + "' is not a number: " + v);
    }
}
