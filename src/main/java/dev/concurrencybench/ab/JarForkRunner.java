package dev.concurrencybench.ab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concurrencybench.bench.JarBenchmarkList;
import dev.concurrencybench.machine.Affinity;
import dev.concurrencybench.machine.CpuList;
import dev.concurrencybench.results.BenchmarkResult;
import dev.concurrencybench.results.JmhJson;
import dev.concurrencybench.results.Metric;
import dev.concurrencybench.results.ResultsException;
import dev.concurrencybench.util.TempDirs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs forks as real JMH calls of the two sides, one process at a time, each side with its own jar,
 * java and flags ({@link SideSpec}). Each side has its own working folder (in a temp folder removed
 * by {@link #close()}), so the relative AppCDS archive paths in the flags are the same text on both
 * sides while the archives are each side's own: an archive holds one jar's classes as one JVM build
 * with one set of flags made them, so two javas, or one java with two sets of flags, never share
 * one. The output of every call is appended to the side's log.
 *
 * <p>With a CPU list ({@code ab --cpus}), every call of both sides is started from a thread pinned to
 * it ({@link Affinity#start}), so the JMH host, its fork and any worker JVM the fork starts all
 * inherit the list. No flag is involved, so a base jar that knows nothing of {@code --cpus} is
 * pinned just the same.
 */
public final class JarForkRunner implements ForkRunner, AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<Side, SideSpec> sides = new EnumMap<>(Side.class);
    private final Map<Side, Path> dirs = new EnumMap<>(Side.class);
    private final Map<Side, Path> logs = new EnumMap<>(Side.class);
    private final Map<Side, List<String>> sideArgs = new EnumMap<>(Side.class);
    private final ChildCommand command;
    private final CpuList cpus;
    private final Path work;
    /** Guards {@link #current} and {@link #closed}: once closed, no call starts, so none can write into a removed folder. */
    private final Object lock = new Object();
    private Process current;
    private boolean closed;

    /**
     * @param cpus   the CPUs every call runs on, or null for wherever the scheduler puts it
     * @param logDir where {@code base.log} and {@code new.log} are written
     */
    public JarForkRunner(SideSpec base, SideSpec next, ChildCommand command, CpuList cpus, Path logDir) throws IOException {
        this.command = command;
        this.cpus = cpus;
        this.work = TempDirs.create("concurrency-bench-ab-");
        sides.put(Side.BASE, base);
        sides.put(Side.NEW, next);
        for (Side s : Side.values()) {
            dirs.put(s, Files.createDirectory(work.resolve(s.label())));
            logs.put(s, logDir.resolve(s.label() + ".log"));
        }
        boolean baseProfiles = JarBenchmarkList.hasUsageProfiler(base.jar());
        boolean newProfiles = JarBenchmarkList.hasUsageProfiler(next.jar());
        sideArgs.put(Side.BASE, ChildCommand.profilerArgs(baseProfiles, newProfiles));
        sideArgs.put(Side.NEW, ChildCommand.profilerArgs(newProfiles, baseProfiles));
    }

    @Override
    public Fork run(Side side, Row row, ForkSettings settings, String tag, long timeoutNanos) throws InterruptedException {
        Path dir = dirs.get(side);
        Path json = dir.resolve(tag + ".json");
        Path out = dir.resolve("call.log");
        List<String> cmd = command.build(sides.get(side), sideArgs.get(side), row, settings, json);
        long start = System.nanoTime();
        Process p;
        synchronized (lock) {
            if (closed) {
                return Fork.failed("not started: ab is stopping", 0);
            }
            try {
                ProcessBuilder builder = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                        .redirectOutput(out.toFile());
                p = cpus == null ? builder.start() : Affinity.start(builder, cpus);
            } catch (IOException | RuntimeException e) {
                return Fork.failed("cannot start " + cmd.get(0) + ": " + e.getMessage(), System.nanoTime() - start);
            }
            current = p;
        }
        try {
            if (!p.waitFor(timeoutNanos, TimeUnit.NANOSECONDS)) {
                kill(p);
                return Fork.failed("did not finish within " + Durations.format(timeoutNanos), System.nanoTime() - start);
            }
        } catch (InterruptedException e) {
            kill(p);
            throw e;
        } finally {
            synchronized (lock) {
                current = null;
            }
        }
        long nanos = System.nanoTime() - start;
        String output = keepLog(side, tag, cmd, out);
        if (p.exitValue() != 0) {
            return Fork.failed("JMH exited with " + p.exitValue() + ": " + lastLine(output), nanos);
        }
        return read(json, row, nanos);
    }

    private static Fork read(Path json, Row row, long nanos) {
        try {
            if (!Files.isRegularFile(json) || Files.size(json) == 0) {
                return Fork.failed("no results: the jar ran nothing for " + String.join(" ", row.selectArgs()), nanos);
            }
            List<BenchmarkResult> results = JmhJson.read(json);
            if (results.size() != 1 || !results.get(0).key().equals(row.key())) {
                return Fork.failed("expected one row " + row.display() + ", got "
                        + results.stream().map(r -> r.key().display()).toList(), nanos);
            }
            Metric m = results.get(0).primary();
            if (m.forkCount() != 1 || m.iterations(0).length == 0) {
                return Fork.failed("expected one fork with measurements, got " + m.forkCount() + " forks", nanos);
            }
            double[] iterations = m.iterations(0);
            double value = java.util.Arrays.stream(iterations).average().orElse(Double.NaN);
            JsonNode record = MAPPER.readTree(json.toFile()).get(0);
            return new Fork(value, iterations, m.unit(), ForkSettings.secondsPerOp(value, m.unit()), record, nanos, null);
        } catch (ResultsException | IOException e) {
            return Fork.failed("unreadable results: " + e.getMessage(), nanos);
        }
    }

    /** Appends one call's output to the side's log and returns it. */
    private String keepLog(Side side, String tag, List<String> cmd, Path out) {
        try {
            String output = Files.readString(out, StandardCharsets.UTF_8);
            Files.writeString(logs.get(side), "== " + tag + ": " + String.join(" ", cmd) + "\n" + output,
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return output;
        } catch (IOException e) {
            return "";
        }
    }

    /** The last line that says something, for a one-line failure message. */
    private static String lastLine(String output) {
        List<String> lines = output.lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("at ") && !l.startsWith("WARNING"))
                .toList();
        return lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1);
    }

    private static void kill(Process p) throws InterruptedException {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
    }

    /** Stops the call in progress, if any (its whole process tree), and removes the working folders. */
    @Override
    public void close() {
        Process p;
        synchronized (lock) {
            closed = true;
            p = current;
        }
        if (p != null) {
            try {
                kill(p);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            TempDirs.delete(work);
        } catch (java.io.UncheckedIOException e) {
            System.err.println("ab: " + e.getMessage() + ": " + e.getCause().getMessage());
        }
    }
}
