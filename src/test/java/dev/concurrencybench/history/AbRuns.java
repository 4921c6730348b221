package dev.concurrencybench.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.concurrencybench.results.Environment;
import dev.concurrencybench.results.ResultsFiles;
import dev.concurrencybench.results.Sidecar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * ab run folders for tests, as ab writes them: {@code ab.json} in the shape of ab's {@code --format json}
 * and the two sidecars, with the figures a test chooses.
 */
final class AbRuns {

    static final double ALPHA = 0.05;
    static final String SLEEP = "dev.concurrencybench.bench.IoBoundBenchmark.sleepTasks";
    static final String FIB = "dev.concurrencybench.bench.CpuBoundBenchmark.fibList";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AbRuns() {
    }

    /** A build: its commit (null outside git), whether its tree was dirty, and its jar's digest. */
    record Build(String commit, Boolean dirty, String jar, String sha256) {
        static Build clean(String commit) {
            return new Build(commit, false, commit.substring(0, 7) + ".jar", "0".repeat(63) + commit.charAt(0));
        }
    }

    /**
     * One row of a run: its time-like log ratio and standard error (ab's), degrees of freedom, verdict.
     */
    record Row(String benchmark, String mode, Map<String, String> params, double lnRatio, double se, double df,
               String verdict, int pairs) {
        static Row ss(String benchmark, String model, double lnRatio, double se) {
            return new Row(benchmark, "ss", Map.of("model", model), lnRatio, se, 20, "no change", 10);
        }

        Row verdict(String v) {
            return new Row(benchmark, mode, params, lnRatio, se, df, v, pairs);
        }
    }

    /** Writes {@code root/name/} as an ab run of {@code rows}, ending at {@code time}; returns the folder. */
    static Path write(Path root, String name, Instant time, long seed, Build anchor, Build head, List<Row> rows)
            throws IOException {
        Path dir = Files.createDirectories(root.resolve(name));
        ObjectNode ab = MAPPER.createObjectNode();
        ab.put("regression", rows.stream().anyMatch(r -> r.verdict().equals("regression")));
        ObjectNode options = ab.putObject("options");
        options.put("alpha", ALPHA);
        options.put("minEffect", 0.05);
        options.put("seed", seed);
        options.put("baseJar", anchor.jar());
        options.put("baseJarSha256", anchor.sha256());
        options.put("newJar", head.jar());
        options.put("newJarSha256", head.sha256());
        ab.putArray("warnings");
        ab.putArray("notes");
        ArrayNode out = ab.putArray("rows");
        for (Row r : rows) {
            ObjectNode o = out.addObject();
            o.put("benchmark", r.benchmark());
            o.put("mode", r.mode());
            ObjectNode params = o.putObject("params");
            r.params().forEach(params::put);
            o.put("secondary", false);
            boolean rate = r.mode().equals("thrpt");
            o.put("unit", rate ? "ops/s" : "ms/op");
            o.put("higherIsBetter", rate);
            for (String side : List.of("base", "new")) {
                ObjectNode s = o.putObject(side);
                s.put("score", 100.0);
                s.put("error", 1.0);
                s.put("forks", r.pairs());
                s.put("iterations", 2 * r.pairs());
            }
            double half = TDistribution.of(r.df()).inverseSurvivalProbability(ALPHA / 2) * r.se();
            double sign = rate ? -1 : 1;
            o.put("ratio", Math.exp(sign * r.lnRatio()));
            o.put("ciLow", Math.exp(Math.min(sign * (r.lnRatio() - half), sign * (r.lnRatio() + half))));
            o.put("ciHigh", Math.exp(Math.max(sign * (r.lnRatio() - half), sign * (r.lnRatio() + half))));
            o.put("p", 0.5);
            o.put("pHolm", 1.0);
            o.put("mde", 0.06);
            o.put("df", r.df());
            o.put("verdict", r.verdict());
            o.put("verdictText", r.verdict());
        }
        Files.writeString(dir.resolve(ResultsFiles.AB_TABLE), MAPPER.writeValueAsString(ab));
        Sidecar.write(dir.resolve("base.json"), environment("base.json", time, anchor));
        Sidecar.write(dir.resolve("new.json"), environment("new.json", time, head));
        return dir;
    }

    static Environment environment(String file, Instant time, Build build) {
        return new Environment(Environment.FORMAT, file, time.toString(), "ab", "Test CPU", 2, 8L << 30, "Linux", "6.1",
                "amd64", "Eclipse Adoptium", "25.0.3+9-LTS", List.of(), List.of("ab"), build.commit(), build.dirty());
    }

    static final Build ANCHOR = Build.clean("1973d6b000000000000000000000000000000000");
    static final Build HEAD = Build.clean("8a1c0f2000000000000000000000000000000000");
    static final Build SLOW = new Build(HEAD.commit(), true, "slow.jar", "f".repeat(64));

    /**
     * The real target's shape, simulated: 8 runs an hour apart of two sleep rows and two fib-list rows;
     * runs 1-5 the head against the anchor with the same code, runs 6-8 a build whose sleeps take 8% longer.
     * The sleep rows' ratios sit within 0.2% of their truth, the fib rows' within about 3%.
     */
    static List<Path> stepSeries(Path root, int runs) throws IOException {
        Random random = new Random(17);
        List<Path> out = new ArrayList<>();
        Instant start = Instant.parse("2026-12-05T00:10:00Z");
        for (int i = 1; i <= runs; i++) {
            boolean slow = i >= 6;
            double truth = slow ? Math.log(1.08) : 0;
            List<Row> rows = new ArrayList<>();
            for (String model : List.of("SEQUENTIAL", "FIXED_POOL")) {
                Row row = Row.ss(SLEEP, model, truth + 0.002 * random.nextGaussian(), 0.002);
                rows.add(slow ? row.verdict("regression") : row);
            }
            for (String model : List.of("SEQUENTIAL", "FIXED_POOL")) {
                rows.add(Row.ss(FIB, model, 0.03 * random.nextGaussian(), 0.03));
            }
            out.add(write(root, String.format("ab-20261205T%02d1000Z", i - 1), start.plusSeconds(3600L * (i - 1)), i, ANCHOR,
                    slow ? SLOW : HEAD, rows));
        }
        return out;
    }

    /** Benchmarks for many synthetic rows, across the report's lessons. */
    static final List<String> BENCHMARKS = List.of(FIB, SLEEP, "dev.concurrencybench.bench.AsyncBenchmark.gatherAll",
            "dev.concurrencybench.bench.CounterBenchmark.incrementShared");

    /**
     * {@code runs} nightly runs of {@code rows} rows, each run's ratio 1% noisy around its truth with a
     * night-to-night spread of 0.5% on top; the first row is 6% slower from run {@code step} on (1-based).
     */
    static List<Path> nightly(Path root, int runs, int rows, int step) throws IOException {
        Random random = new Random(1000);
        List<Path> out = new ArrayList<>();
        Instant start = Instant.parse("2024-01-01T02:00:00Z");
        for (int i = 1; i <= runs; i++) {
            List<Row> list = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                double truth = r == 0 && i >= step ? Math.log(1.06) : 0;
                double ln = truth + 0.005 * random.nextGaussian() + 0.01 * random.nextGaussian();
                list.add(Row.ss(BENCHMARKS.get(r % BENCHMARKS.size()), "M" + r / BENCHMARKS.size(), ln, 0.01));
            }
            Build head = Build.clean(String.format("%010x", 0xabc0000000L + i) + "0".repeat(30));
            out.add(write(root, String.format("ab-%05d", i), start.plusSeconds(86_400L * (i - 1)), i, ANCHOR, head, list));
        }
        return out;
    }
}
