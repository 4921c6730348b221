package dev.concurrencybench.results;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.concurrencybench.util.AtomicFiles;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The environment sidecar: a small JSON object ({@link Environment}) written beside a results
 * file, named like it with {@code .env.json} in place of {@code .json}, e.g.
 * {@code results/20261127T001500Z-quick-all.json} and {@code results/20261127T001500Z-quick-all.env.json}.
 * A separate file keeps the results file pure JMH output, readable by every JMH tool.
 */
public final class Sidecar {

    static final String SUFFIX = ".env.json";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Sidecar() {
    }

    /** The sidecar path for a results file: {@code X.json} → {@code X.env.json}. */
    public static Path pathFor(Path results) {
        String name = results.getFileName().toString();
        String stem = name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
        return results.resolveSibling(stem + SUFFIX);
    }

    /** The results file a sidecar belongs to: {@code X.env.json} → {@code X.json}. */
    public static Path resultsFor(Path sidecar) {
        String name = sidecar.getFileName().toString();
        return sidecar.resolveSibling(name.substring(0, name.length() - SUFFIX.length()) + ".json");
    }

    /** Whether a file is a sidecar rather than a results file. */
    public static boolean isSidecar(Path file) {
        return file.getFileName().toString().endsWith(SUFFIX);
    }

    /** Writes the sidecar of {@code results} whole or not at all. */
    public static void write(Path results, Environment env) throws IOException {
        AtomicFiles.write(pathFor(results), MAPPER.writeValueAsBytes(env));
    }

    /** The sidecar of a results file, or empty when there is none; a broken one is an error. */
    public static Optional<Environment> readFor(Path results) {
        Path file = pathFor(results);
        try {
            Environment env = MAPPER.readValue(Files.readAllBytes(file), Environment.class);
            if (env == null || !Environment.FORMAT.equals(env.format())) {
                throw new ResultsException(file + ": not an environment sidecar (expected format "
                        + Environment.FORMAT + ")");
            }
            return Optional.of(env);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (JacksonException e) {
            throw new ResultsException(file + ": malformed environment sidecar: "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new ResultsException(file + ": cannot read: " + e.getMessage());
        }
    }

    /**
     * Records this machine and JVM now.
     *
     * @param workDir where to ask git for the commit; git's absence is not an error
     */
    public static Environment capture(String resultsFileName, String profile, List<String> jmhArgs, Path workDir) {
        Runtime rt = Runtime.getRuntime();
        String[] git = git(workDir);
        return new Environment(Environment.FORMAT, resultsFileName, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                profile, cpuModel(), rt.availableProcessors(), memoryBytes(),
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch"),
                System.getProperty("java.vendor"), System.getProperty("java.runtime.version"),
                ManagementFactory.getRuntimeMXBean().getInputArguments(), jmhArgs,
                git[0], git[0] == null ? null : Boolean.valueOf(git[1] != null && !git[1].isBlank()));
    }

    static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).strip().equals("model name")) {
                    return line.substring(colon + 1).strip();
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or no access: fall through to what the JVM knows.
        }
        return "unknown (" + System.getProperty("os.arch") + ")";
    }

    static long memoryBytes() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return -1;
    }

    /** {commit, porcelain status} from git in {@code dir}; {null, null} when git or the repo is absent. */
    private static String[] git(Path dir) {
        String commit = run(dir, "git", "rev-parse", "HEAD");
        if (commit == null || !commit.strip().matches("[0-9a-f]{40,64}")) {
            return new String[] {null, null};
        }
        return new String[] {commit.strip(), run(dir, "git", "status", "--porcelain", "--untracked-files=no")};
    }

    private static String run(Path dir, String... command) {
        Process p = null;
        try {
            p = new ProcessBuilder(command).directory(dir.toAbsolutePath().toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            // Output is small; reading it all before waiting cannot deadlock on a full pipe.
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            return out;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            if (p != null && p.isAlive()) {
                p.destroyForcibly();
            }
        }
    }
}
