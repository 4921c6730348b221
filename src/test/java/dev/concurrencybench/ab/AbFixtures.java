package dev.concurrencybench.ab;

import dev.concurrencybench.Main;
import dev.concurrencybench.results.BenchMode;
import dev.concurrencybench.results.BenchmarkResult.RowKey;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;

/** Rows, outcomes made from hand-made pairs, and a jar that runs this build's benchmarks, for tests. */
final class AbFixtures {

    private AbFixtures() {
    }

    static Row ss(String name, double... ignored) {
        return new Row(new RowKey("dev.example.Bench." + name, BenchMode.SINGLE_SHOT_TIME, Map.of()), Set.of(), 4, null, 4, null);
    }

    static Row thrpt(String name) {
        return new Row(new RowKey("dev.example.Bench." + name, BenchMode.THROUGHPUT, Map.of()), Set.of(), 3, "500ms", 5, "500ms");
    }

    /**
     * Writes a jar that runs this build's benchmarks as {@code java -jar target/benchmarks.jar} does,
     * JMH forks included, before {@code mvn package} made the real one: its manifest runs {@link Main}
     * from this build's class path ({@code Class-Path}), and it holds this build's benchmark list. Like
     * an older base jar, it has no {@code Enable-Native-Access}.
     */
    static Path suiteJar(Path jar) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.put(Attributes.Name.MAIN_CLASS, Main.class.getName());
        main.put(Attributes.Name.CLASS_PATH, Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.isBlank()).map(e -> Path.of(e).toUri().toString()).collect(Collectors.joining(" ")));
        try (OutputStream o = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(o, manifest);
             InputStream list = Objects.requireNonNull(AbFixtures.class.getResourceAsStream("/META-INF/BenchmarkList"))) {
            out.putNextEntry(new ZipEntry("META-INF/BenchmarkList"));
            list.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }

    /**
     * A row's outcome whose pairs have the time-like log ratios {@code d}: each pair a base fork of 100
     * and a new fork that far from it, on the row's own scale.
     */
    static Engine.RowOutcome outcome(Row row, double[] d, Engine.Status status, String unit) {
        List<Fork> base = new ArrayList<>();
        List<Fork> next = new ArrayList<>();
        for (double x : d) {
            double b = 100;
            double nw = row.mode().higherIsBetter() ? b / Math.exp(x) : b * Math.exp(x);
            base.add(new Fork(b, new double[] {b}, "ms/op", Double.NaN, null, 0, null));
            next.add(new Fork(nw, new double[] {nw}, "ms/op", Double.NaN, null, 0, null));
        }
        return new Engine.RowOutcome(row, d, List.of(), base, next, d.length, status, null, unit, null);
    }
}
