package dev.concurrencybench.compare;

import dev.concurrencybench.results.BenchMode;
import dev.concurrencybench.results.BenchmarkResult;
import dev.concurrencybench.results.Metric;
import dev.concurrencybench.results.ResultsFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Simulated JMH results with the structure of real ones: each fork draws its own offset (JIT
 * decisions, memory layout: JMHSample_13) and each iteration adds noise on top, both log-normal.
 */
final class Synthetic {

    /** Fork-level and iteration-level spread (standard deviations of the log). */
    record Noise(double fork, double iteration) {
    }

    private Synthetic() {
    }

    static double[][] draw(Random random, double center, Noise noise, int forks, int iterations) {
        double[][] data = new double[forks][iterations];
        for (int f = 0; f < forks; f++) {
            double offset = noise.fork() * random.nextGaussian();
            for (int i = 0; i < iterations; i++) {
                data[f][i] = center * Math.exp(offset + noise.iteration() * random.nextGaussian());
            }
        }
        return data;
    }

    static BenchmarkResult row(String benchmark, BenchMode mode, Map<String, String> params, double[][] data) {
        List<List<Double>> raw = new ArrayList<>();
        double sum = 0;
        int n = 0;
        for (double[] fork : data) {
            List<Double> it = new ArrayList<>();
            for (double x : fork) {
                it.add(x);
                sum += x;
                n++;
            }
            raw.add(it);
        }
        String unit = mode == BenchMode.THROUGHPUT ? "ops/s" : "ms/op";
        Metric m = new Metric(sum / n, Double.NaN, unit, raw, List.of());
        BenchmarkResult.VmInfo vm = new BenchmarkResult.VmInfo("1.37", "/jdk/bin/java", "21.0.5", "OpenJDK 64-Bit Server VM",
                "21.0.5+11", List.of("-Xmx2g"), 1, "single-shot", data.length == 0 ? 0 : data[0].length, "single-shot");
        return new BenchmarkResult("dev.example.Bench." + benchmark, mode, 1, data.length, params, m, Map.of(), vm);
    }

    static ResultsFile file(String name, List<BenchmarkResult> rows) {
        return new ResultsFile(Path.of(name), rows, Optional.empty());
    }
}
