package dev.concurrencybench.history;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concurrencybench.machine.CoreCheck;
import dev.concurrencybench.results.Environment;
import dev.concurrencybench.results.ResultsException;
import dev.concurrencybench.results.ResultsFiles;
import dev.concurrencybench.results.Sidecar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * An {@code ab} run's folder ({@code results/ab-<UTC>/}) read as store lines: {@code ab.json}, the
 * verdicts ab writes beside its results, gives each row's ratio, interval, MDE, verdict and pairs;
 * the two sidecars give the builds' commits, the machine, the JDK and the core checks.
 */
final class RunFolder {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RunFolder() {
    }

    /** Every tested or untested row the two jars had in common, as lines of {@code series}. */
    static List<Entry> read(Path dir, String series, String kind) {
        if (!Files.isDirectory(dir)) {
            throw new HistoryException(dir + ": no such folder");
        }
        Path table = dir.resolve(ResultsFiles.AB_TABLE);
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readAllBytes(table));
        } catch (NoSuchFileException e) {
            throw new HistoryException(dir + ": not an ab run folder (no " + ResultsFiles.AB_TABLE + (Files.exists(dir.resolve(
                    "new.json")) ? "; ab writes it since history was added, so rerun ab" : "") + ")");
        } catch (JacksonException e) {
            throw new HistoryException(table + ": malformed JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new HistoryException(table + ": cannot read: " + e.getMessage());
        }
        JsonNode options = root == null ? null : root.get("options");
        if (root == null || !root.path("rows").isArray() || options == null || !options.path("alpha").isNumber()) {
            throw new HistoryException(table + ": not the JSON of an ab run (no rows, or no options with alpha)");
        }
        Environment base = sidecar(dir, "base.json");
        Environment next = sidecar(dir, "new.json");
        double alpha = options.get("alpha").asDouble();
        Long seed = options.path("seed").isNumber() ? options.get("seed").asLong() : null;
        Entry.Build anchor = build(base, options, "base");
        Entry.Build head = build(next, options, "new");
        Entry.Machine machine = machine(next);
        List<Entry> out = new ArrayList<>();
        for (JsonNode row : root.get("rows")) {
            String verdict = row.path("verdict").asText("");
            if (row.path("secondary").asBoolean(false) || verdict.equals("added") || verdict.equals("removed")) {
                continue;
            }
            out.add(entry(table, row, series, kind, dir.getFileName().toString(), seed, next.time(), alpha, anchor, head,
                    machine));
        }
        if (out.isEmpty()) {
            throw new HistoryException(table + ": no row both builds had");
        }
        return out;
    }

    private static Entry entry(Path table, JsonNode row, String series, String kind, String run, Long seed, String time,
                               double alpha, Entry.Build anchor, Entry.Build head, Entry.Machine machine) {
        String benchmark = row.path("benchmark").asText(null);
        String mode = row.path("mode").asText(null);
        if (benchmark == null || mode == null || !row.path("params").isObject()) {
            throw new HistoryException(table + ": a row without benchmark, mode or params");
        }
        Map<String, String> params = new LinkedHashMap<>();
        row.get("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
        boolean higherIsBetter = row.path("higherIsBetter").asBoolean(false);
        double ratio = number(row.get("ratio"));
        double low = number(row.get("ciLow"));
        double high = number(row.get("ciHigh"));
        double df = number(row.get("df"));
        Double lnRatio = null;
        Double se = null;
        if (ratio > 0 && low > 0 && high > low && df > 0) {
            lnRatio = higherIsBetter ? -Math.log(ratio) : Math.log(ratio);
            // ab's interval is the estimate plus or minus Student's t at 1 - alpha/2 times the standard error.
            se = (Math.log(high) - Math.log(low)) / (2 * TDistribution.of(df).inverseSurvivalProbability(alpha / 2));
        }
        JsonNode side = row.path("new").isObject() ? row.get("new") : row.path("base");
        Integer pairs = side.path("forks").isNumber() ? side.get("forks").asInt() : null;
        return new Entry(Entry.FORMAT, series, kind, run, seed, time, benchmark, mode, params, row.path("unit").asText(""),
                lnRatio, se, finite(df), finite(ratio), finite(low), finite(high), 1 - alpha, finite(number(row.get("mde"))),
                row.path("verdict").asText(""), pairs, anchor, head, machine);
    }

    private static Environment sidecar(Path dir, String results) {
        try {
            return Sidecar.readFor(dir.resolve(results)).orElseThrow(() -> new HistoryException(
                    dir + ": no " + Sidecar.pathFor(Path.of(results)) + ", so not a whole ab run"));
        } catch (ResultsException e) {
            throw new HistoryException(e.getMessage());
        }
    }

    private static Entry.Build build(Environment env, JsonNode options, String side) {
        String jar = options.path(side + "Jar").asText(null);
        String sha = options.path(side + "JarSha256").asText(null);
        return new Entry.Build(env.gitCommit(), env.gitDirty(), jar, sha);
    }

    private static Entry.Machine machine(Environment env) {
        CoreCheck before = env.coreCheckBefore();
        CoreCheck after = env.coreCheckAfter();
        return new Entry.Machine(env.cpuModel(), env.logicalCores(), env.memoryBytes() > 0 ? env.memoryBytes() : null,
                (env.os() + " " + env.osVersion()).strip(), (env.jdkVendor() + " " + env.jdkVersion()).strip(), env.cpus(),
                env.coreChecks(), before == null ? null : before.capacity(), after == null ? null : after.capacity());
    }

    /** A JSON number, or JMH's and Jackson's spelling of a non-finite one as a string; NaN when absent. */
    static double number(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return Double.NaN;
        }
        if (n.isNumber()) {
            return n.asDouble();
        }
        try {
            return Double.parseDouble(n.asText());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static Double finite(double x) {
        return Double.isFinite(x) ? x : null;
    }
}
