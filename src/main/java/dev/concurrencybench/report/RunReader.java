package dev.concurrencybench.report;

import dev.concurrencybench.results.BenchmarkResult;
import dev.concurrencybench.results.Environment;
import dev.concurrencybench.results.ResultsFile;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a results file and its sidecar, as {@link ResultsFile} reads them, into the report's
 * {@link Run}. Reading and every bad-input message are the results package's.
 */
public final class RunReader {

    private RunReader() {
    }

    /** Reads one results file; throws {@link dev.concurrencybench.results.ResultsException} with one line on bad input. */
    public static Run read(Path file) {
        return toRun(ResultsFile.read(file));
    }

    static Run toRun(ResultsFile file) {
        List<Measurement> rows = file.results().stream()
                .map(r -> {
                    Map<String, Measurement.Secondary> secondary = new LinkedHashMap<>();
                    r.secondary().forEach((name, m) -> secondary.put(name,
                            new Measurement.Secondary(m.score(), m.scoreError(), m.unit())));
                    return new Measurement(r.benchmark(), r.mode().label(), r.primary().unit(), r.params(),
                            r.primary().score(), r.primary().scoreError(), secondary);
                })
                .toList();
        return new Run(file.path().getFileName().toString(), rows,
                environment(file.results().get(0).vm(), file.environment().orElse(null)));
    }

    static RunEnvironment environment(BenchmarkResult.VmInfo vm, Environment sidecar) {
        String jdk = vm.jdkVersion().isBlank() ? null
                : vm.jdkVersion() + (vm.vmName().isBlank() ? "" : " (" + vm.vmName() + ")");
        String flags = String.join(" ", vm.jvmArgs());
        if (sidecar == null) {
            return new RunEnvironment(false, null, null, null, null, jdk, flags, null, null, null, Map.of());
        }
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("JDK vendor and build", join(sidecar.jdkVendor(), sidecar.jdkVersion()));
        extra.put("JVM flags (launcher)", String.join(" ", sidecar.jvmFlags()));
        extra.put("JMH arguments", String.join(" ", sidecar.jmhArgs()));
        String commit = sidecar.gitCommit() == null ? null
                : sidecar.gitCommit() + (Boolean.TRUE.equals(sidecar.gitDirty()) ? " (with uncommitted changes)" : "");
        String os = join(sidecar.os(), sidecar.osVersion()) + (sidecar.arch() == null ? "" : " (" + sidecar.arch() + ")");
        return new RunEnvironment(true, sidecar.cpuModel(), sidecar.logicalCores() > 0 ? sidecar.logicalCores() : null,
                memory(sidecar.memoryBytes()), os.isBlank() ? null : os.strip(), jdk, flags, commit, sidecar.time(),
                sidecar.profile(), extra);
    }

    private static String join(String a, String b) {
        return ((a == null ? "" : a) + " " + (b == null ? "" : b)).strip();
    }

    private static String memory(long bytes) {
        return bytes <= 0 ? null : String.format(Locale.ROOT, "%.1f GiB", bytes / (1024.0 * 1024 * 1024));
    }
}
