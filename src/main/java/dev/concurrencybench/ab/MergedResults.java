package dev.concurrencybench.ab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.concurrencybench.compare.Stats;
import dev.concurrencybench.machine.CoreCheck;
import dev.concurrencybench.results.Environment;
import dev.concurrencybench.results.Sidecar;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Each side's forks merged into one JMH JSON results file, row by row, as if one JMH run had made
 * them all ({@code forks} = the pairs, {@code rawData} one list per fork, score and error
 * recomputed over all of them), with an environment sidecar: {@code base.json} and {@code new.json}
 * in the run's folder, where {@code compare} and {@code report} read them like any results file.
 */
final class MergedResults {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** The percentiles JMH writes for a score. */
    private static final double[] PERCENTILES = {0, 50, 90, 95, 99, 99.9, 99.99, 99.999, 99.9999, 100};

    private MergedResults() {
    }

    /**
     * What both sides' sidecars record about the machine: one {@code --cpus} list and one pair of
     * core checks, since both sides ran on the same CPUs in the same span of time.
     *
     * @param cpus   the {@code --cpus} list, or null when the run was not pinned
     * @param before the core check before the first round, or null when skipped or failed
     * @param after  the core check after the last round, or null
     */
    record Machine(String cpus, CoreCheck before, CoreCheck after) {
    }

    /**
     * Writes {@code <side>.json} and its sidecar when the side has any fork; returns the file, or null.
     * The sidecar names the side's jar, java and flags, and its java as the JDK; git is asked for the
     * commit in the jar's folder.
     */
    static Path write(Path dir, SideSpec spec, List<Engine.RowOutcome> rows, List<String> command, Machine machine)
            throws IOException {
        Side side = spec.side();
        ArrayNode out = MAPPER.createArrayNode();
        for (Engine.RowOutcome r : rows) {
            List<JsonNode> records = (side == Side.BASE ? r.base() : r.next()).stream()
                    .map(Fork::record).filter(JsonNode.class::isInstance).map(JsonNode.class::cast).toList();
            if (!records.isEmpty()) {
                out.add(merge(records));
            }
        }
        if (out.isEmpty()) {
            return null;
        }
        Path file = dir.resolve(side.label() + ".json");
        MAPPER.writeValue(file.toFile(), out);
        Environment env = Sidecar.capture(file.getFileName().toString(), "ab", command, spec.jar().getParent())
                .withMachine(machine.cpus(), machine.before(), machine.after()).withAbSide(spec.record());
        Sidecar.write(file, env);
        return file;
    }

    /** One row from several one-fork records: the last record's settings, every fork's measurements. */
    static ObjectNode merge(List<JsonNode> records) {
        ObjectNode merged = records.get(records.size() - 1).deepCopy();
        merged.put("forks", records.size());
        mergeMetric((ObjectNode) merged.get("primaryMetric"), records.stream().map(r -> r.get("primaryMetric")).toList());
        JsonNode secondary = merged.get("secondaryMetrics");
        if (secondary instanceof ObjectNode so) {
            for (Iterator<Map.Entry<String, JsonNode>> it = so.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                List<JsonNode> parts = records.stream().map(r -> r.path("secondaryMetrics").path(e.getKey()))
                        .filter(JsonNode::isObject).toList();
                mergeMetric((ObjectNode) e.getValue(), parts);
            }
        }
        return merged;
    }

    private static void mergeMetric(ObjectNode target, List<JsonNode> parts) {
        for (String raw : List.of("rawData", "rawDataHistogram")) {
            if (target.has(raw)) {
                ArrayNode all = MAPPER.createArrayNode();
                parts.forEach(p -> p.path(raw).forEach(all::add));
                target.set(raw, all);
            }
        }
        double[] values = iterationScores(target);
        if (values.length == 0) {
            return;
        }
        double score = Arrays.stream(values).average().orElse(Double.NaN);
        double error = Stats.jmhError(values);
        target.put("score", score);
        putNumber(target, "scoreError", error);
        ArrayNode confidence = target.putArray("scoreConfidence");
        putNumber(confidence, score - error);
        putNumber(confidence, score + error);
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        ObjectNode percentiles = target.putObject("scorePercentiles");
        for (double q : PERCENTILES) {
            percentiles.put(String.valueOf(q), Stats.quantile(sorted, q / 100));
        }
    }

    /** Every iteration's score: rawData, or each histogram's mean for sample mode. */
    private static double[] iterationScores(JsonNode metric) {
        List<Double> out = new ArrayList<>();
        metric.path("rawData").forEach(fork -> fork.forEach(v -> out.add(v.asDouble())));
        metric.path("rawDataHistogram").forEach(fork -> fork.forEach(iteration -> {
            double sum = 0;
            double n = 0;
            for (JsonNode pair : iteration) {
                sum += pair.get(0).asDouble() * pair.get(1).asDouble();
                n += pair.get(1).asDouble();
            }
            out.add(sum / n);
        }));
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** JMH writes non-finite numbers as strings. */
    private static void putNumber(ObjectNode o, String field, double x) {
        if (Double.isFinite(x)) {
            o.put(field, x);
        } else {
            o.put(field, String.valueOf(x));
        }
    }

    private static void putNumber(ArrayNode a, double x) {
        if (Double.isFinite(x)) {
            a.add(x);
        } else {
            a.add(String.valueOf(x));
        }
    }
}
