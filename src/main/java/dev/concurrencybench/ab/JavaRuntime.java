package dev.concurrencybench.ab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The java of one {@code ab} side: a JDK or JRE home, what it says it is, and the check that it
 * can run the side at all. The side's java runs its JMH host, and JMH forks with the host's java.
 *
 * @param home    the home as given (or the running JVM's {@code java.home})
 * @param feature the feature release, e.g. 21
 * @param version {@code java.version}, e.g. {@code 21.0.5}
 * @param vendor  {@code java.vendor}
 * @param build   {@code java.runtime.version}, e.g. {@code 21.0.5+11-LTS}
 * @param vmName  {@code java.vm.name}
 */
public record JavaRuntime(Path home, int feature, String version, String vendor, String build, String vmName) {

    /** The oldest java that can run this suite's jar (its classes are Java 21). */
    static final int REQUIRED = 21;
    /** A JVM that prints its settings takes well under a second; a paused or swapping machine may need more. */
    private static final long PROBE_SECONDS = 120;
    private static final String VM_INIT_ERROR = "Error occurred during initialization of VM";

    /** The {@code java} launcher of this home. */
    public Path executable() {
        return home.resolve("bin").resolve("java");
    }

    /** The JVM running {@code ab}, without starting another. */
    static JavaRuntime running() {
        return new JavaRuntime(real(Path.of(System.getProperty("java.home"))), Runtime.version().feature(),
                System.getProperty("java.version"), System.getProperty("java.vendor"),
                System.getProperty("java.runtime.version"), System.getProperty("java.vm.name"));
    }

    /**
     * The java of a side: the home given, checked by running it with the side's flags after each
     * list of flags the selected benchmarks declare to follow their own ({@link #probe}), as every fork
     * will run them, so that e.g. a side's -Xmx under the declared -Xms is refused before anything
     * runs; the java running {@code ab} when neither a home nor flags are given.
     *
     * @param declared the distinct {@code @Fork(jvmArgsAppend)} lists of the selected benchmarks
     */
    static JavaRuntime forSide(String option, Path home, String flagsOption, List<String> flags,
                               List<List<String>> declared) {
        if (home == null && flags.isEmpty()) {
            return running();
        }
        JavaRuntime runtime = null;
        for (List<String> before : declared.isEmpty() ? List.of(List.<String>of()) : declared) {
            runtime = probe(option, home(home), flagsOption, before, flags);
        }
        return runtime;
    }

    /** A side's java home as given, or the running JVM's when none is; real where it exists, so one home named two ways is one. */
    static Path home(Path given) {
        return given != null ? real(given) : running().home();
    }

    /** The path without links or dots where it exists, so that one home named two ways reads the same; else as given, absolute. */
    static Path real(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    /**
     * Runs {@code <home>/bin/java <declared> <flags> -XshowSettings:properties -version} once and reads what it
     * prints. Throws {@link AbException} with one line, naming {@code option}, for a home that holds
     * no java, a program that is not one, a java older than {@link #REQUIRED}, or flags it refuses.
     *
     * @param option      the option that names the side's java, e.g. {@code --base-java}
     * @param flagsOption the option that gives the side's flags, e.g. {@code --base-jvm-args}
     * @param declared    flags a benchmark declares to come before the side's
     * @param flags       the side's flags, checked together with the java
     */
    static JavaRuntime probe(String option, Path home, String flagsOption, List<String> declared, List<String> flags) {
        if (!Files.isDirectory(home)) {
            throw new AbException(option + " " + home + ": no such folder (give a JDK or JRE home, the folder with bin/java)");
        }
        Path java = home.resolve("bin").resolve("java");
        if (!Files.isRegularFile(java) || !Files.isExecutable(java)) {
            throw new AbException(option + " " + home + ": no java in it (expected " + java + ")");
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.addAll(declared);
        cmd.addAll(flags);
        cmd.addAll(List.of("-XshowSettings:properties", "-version"));
        String output;
        int code;
        try {
            Path out = Files.createTempFile("concurrency-bench-ab-java-", ".txt");
            try {
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
                if (!p.waitFor(PROBE_SECONDS, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new AbException(option + " " + home + ": " + java + " -version did not finish within "
                            + PROBE_SECONDS + " s");
                }
                code = p.exitValue();
                output = Files.readString(out, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new AbException(option + " " + home + ": cannot run " + java + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AbException(option + " " + home + ": interrupted while asking " + java + " for its version");
        }
        return parse(option, home, flagsOption, declared, flags, code, output);
    }

    /** What {@link #probe} makes of the exit status and output of {@code java <flags> -XshowSettings:properties -version}. */
    static JavaRuntime parse(String option, Path home, String flagsOption, List<String> declared, List<String> flags,
                             int code, String output) {
        if (code != 0) {
            String why = firstError(output);
            String after = declared.isEmpty() ? ""
                    : " after the flags the benchmarks declare ('" + String.join(" ", declared) + "')";
            throw new AbException(flags.isEmpty()
                    ? option + " " + home + ": its java failed to start" + after + ": " + why
                    : flagsOption + " '" + String.join(" ", flags) + "': the java at " + home + " refuses them" + after
                            + ": " + why);
        }
        Map<String, String> p = properties(output);
        String spec = p.get("java.specification.version");
        if (spec == null || !spec.matches("(1\\.)?\\d+")) {
            throw new AbException(option + " " + home + ": its bin/java is not a java (it reported no Java version)");
        }
        int feature = Integer.parseInt(spec.startsWith("1.") ? spec.substring(2) : spec);
        if (feature < REQUIRED) {
            throw new AbException(option + " " + home + ": Java " + feature + " (" + p.getOrDefault("java.runtime.version", spec)
                    + "), but the suite needs Java " + REQUIRED + " or newer");
        }
        return new JavaRuntime(home, feature, p.getOrDefault("java.version", spec), p.getOrDefault("java.vendor", "unknown"),
                p.getOrDefault("java.runtime.version", spec), p.getOrDefault("java.vm.name", "unknown"));
    }

    /** {@code key = value} lines of {@code -XshowSettings:properties}; continuation lines of list values are skipped. */
    private static Map<String, String> properties(String output) {
        Map<String, String> out = new HashMap<>();
        for (String line : output.lines().toList()) {
            int eq = line.indexOf(" = ");
            if (eq > 0 && line.startsWith("    ") && !line.startsWith("        ")) {
                out.putIfAbsent(line.substring(0, eq).strip(), line.substring(eq + 3).strip());
            }
        }
        return out;
    }

    /** The JVM's own reason, e.g. {@code Unrecognized VM option 'NoSuchFlag'}, without the lines that follow it. */
    private static String firstError(String output) {
        List<String> lines = output.lines().map(String::strip).filter(l -> !l.isEmpty())
                .filter(l -> !l.startsWith("Error: Could not create the Java Virtual Machine")
                        && !l.startsWith("Error: A fatal exception has occurred")).toList();
        // "Error occurred during initialization of VM" is a heading; the reason, when given, follows it.
        return lines.stream().filter(l -> !l.equals(VM_INIT_ERROR)).findFirst()
                .orElse(lines.isEmpty() ? "(no output)" : lines.get(0));
    }
}
