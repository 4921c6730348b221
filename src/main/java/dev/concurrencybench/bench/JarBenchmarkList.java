package dev.concurrencybench.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The benchmarks a JMH jar declares, read from its {@code META-INF/BenchmarkList} with JMH's own
 * reader, without running it: names, modes, declared {@code @Param} values and the iteration
 * settings of the annotations. Used by {@code ab} to know the rows of two jars; it lives here so
 * that JMH stays inside {@code bench/}, and it returns plain values only.
 */
public final class JarBenchmarkList {

    static final String RESOURCE = "META-INF/BenchmarkList";

    private JarBenchmarkList() {
    }

    /**
     * One benchmark method in one mode.
     *
     * @param benchmark            e.g. {@code dev.concurrencybench.bench.CpuBoundBenchmark.fibList}
     * @param mode                 JMH's short label: thrpt, avgt, sample or ss
     * @param params               every {@code @Param} with its declared values, by name
     * @param warmupIterations     from the annotations, or -1 when JMH's default applies
     * @param warmupTime           e.g. {@code 500ms} (as JMH's -w takes it), or null for JMH's default
     * @param measurementIterations from the annotations, or -1
     * @param measurementTime      or null
     * @param jvmArgsAppend        the flags {@code @Fork(jvmArgsAppend)} declares, e.g. the heap; empty when none
     */
    public record Entry(String benchmark, String mode, Map<String, List<String>> params, int warmupIterations,
                        String warmupTime, int measurementIterations, String measurementTime, List<String> jvmArgsAppend) {

        public Entry {
            jvmArgsAppend = List.copyOf(jvmArgsAppend);
        }
    }

    /** Thrown with one line for a file that is not a readable JMH jar. */
    public static final class NotAJmhJar extends Exception {
        public NotAJmhJar(String message) {
            super(message);
        }
    }

    /** Every entry of the jar, in JMH's order; a benchmark declared in several modes gives one per mode. */
    public static List<Entry> read(Path jar) throws NotAJmhJar {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry list = zip.getEntry(RESOURCE);
            if (list == null) {
                throw new NotAJmhJar(jar + ": not a JMH jar (no " + RESOURCE + ")");
            }
            List<BenchmarkListEntry> entries;
            try (InputStream in = zip.getInputStream(list)) {
                entries = BenchmarkList.readBenchmarkList(in);
            } catch (RuntimeException e) {
                throw new NotAJmhJar(jar + ": cannot read its " + RESOURCE + " (built with another JMH version?): " + e.getMessage());
            }
            List<Entry> out = new ArrayList<>();
            for (BenchmarkListEntry e : entries) {
                List<Mode> modes = e.getMode() == Mode.All
                        ? Arrays.stream(Mode.values()).filter(m -> m != Mode.All).toList() : List.of(e.getMode());
                for (Mode m : modes) {
                    out.add(new Entry(e.getUsername(), m.shortLabel(), params(e), e.getWarmupIterations().orElse(-1),
                            time(e.getWarmupTime().orElse(null)), e.getMeasurementIterations().orElse(-1),
                            time(e.getMeasurementTime().orElse(null)),
                            List.copyOf(e.getJvmArgsAppend().orElse(List.of()))));
                }
            }
            return out;
        } catch (java.util.zip.ZipException e) {
            throw new NotAJmhJar(jar + ": not a jar (" + e.getMessage() + ")");
        } catch (java.nio.file.NoSuchFileException | java.io.FileNotFoundException e) {
            throw new NotAJmhJar(jar + ": no such file");
        } catch (IOException e) {
            throw new NotAJmhJar(jar + ": cannot read: " + e.getMessage());
        }
    }

    /**
     * Whether the jar carries this suite's {@code -prof cpu} profiler, which its run profiles add to
     * every run; a jar built before it was added runs without. False for an unreadable jar.
     */
    public static boolean hasUsageProfiler(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.getEntry(UsageProfiler.class.getName().replace('.', '/') + ".class") != null;
        } catch (IOException e) {
            return false;
        }
    }

    private static Map<String, List<String>> params(BenchmarkListEntry e) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        Map<String, String[]> declared = e.getParams().orElse(Map.of());
        declared.forEach((name, values) -> out.put(name, List.of(values)));
        return Collections.unmodifiableMap(out);
    }

    private static String time(TimeValue t) {
        return t == null ? null : t.getTime() + TimeValue.tuToString(t.getTimeUnit());
    }
}
