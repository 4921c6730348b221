package dev.concurrencybench.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarBenchmarkListTest {

    @TempDir
    Path dir;

    @Test
    void aJarCarriesTheUsageProfilerOrNot() throws IOException {
        Path with = jar("with.jar", "dev/concurrencybench/bench/UsageProfiler.class");
        Path without = jar("without.jar", "dev/concurrencybench/bench/CpuBoundBenchmark.class");
        assertTrue(JarBenchmarkList.hasUsageProfiler(with));
        assertFalse(JarBenchmarkList.hasUsageProfiler(without), "a jar built before the profiler existed");
        assertFalse(JarBenchmarkList.hasUsageProfiler(dir.resolve("missing.jar")));
    }

    private Path jar(String name, String entry) throws IOException {
        Path jar = dir.resolve(name);
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.closeEntry();
        }
        return jar;
    }
}
