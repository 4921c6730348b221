package dev.concurrencybench.ab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.concurrencybench.machine.Affinity;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input exits 2 with one line and writes nothing; every check happens before a JVM is started. */
class AbCommandTest {

    @TempDir
    static Path dir;
    static Path cpuJar;
    static Path ioJar;
    static Path results;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AbCommand.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    /** Jars holding only a benchmark list: this build's entries for one class each. */
    @BeforeAll
    static void jars() throws IOException {
        List<String> lines;
        try (InputStream in = Objects.requireNonNull(AbCommandTest.class.getResourceAsStream("/META-INF/BenchmarkList"))) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        cpuJar = jar("cpu.jar", lines.stream().filter(l -> l.contains("CpuBoundBenchmark")).toList());
        ioJar = jar("io.jar", lines.stream().filter(l -> l.contains("IoBoundBenchmark")).toList());
        results = dir.resolve("results");
    }

    static Path jar(String name, List<String> benchmarkList) throws IOException {
        Path jar = dir.resolve(name);
        try (OutputStream o = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(o)) {
            zip.putNextEntry(new ZipEntry("META-INF/BenchmarkList"));
            zip.write(String.join("\n", benchmarkList).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return jar;
    }

    private static void assertBad(Run r, String expected) {
        assertEquals(AbCommand.BAD_INPUT, r.code(), r.out() + r.err());
        assertEquals(1, r.err().lines().count(), "one line:\n" + r.err());
        assertTrue(r.err().startsWith("ab: "), r.err());
        assertTrue(r.err().contains(expected), "expected '" + expected + "' in: " + r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertEquals("", r.out());
        assertFalse(Files.exists(results), "nothing written for bad input");
    }

    private static Run ab(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--results";
        all[1] = results.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return run(all);
    }

    @Test
    void aMissingJarIsBadInput() {
        assertBad(ab("--base", dir.resolve("nope.jar").toString(), "--new", cpuJar.toString()), "--base " + dir.resolve("nope.jar")
                + ": no such file");
        assertBad(ab("--base", cpuJar.toString(), "--new", dir.resolve("gone.jar").toString()), ": no such file");
    }

    @Test
    void aFileThatIsNotAJmhJarIsBadInput() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.jar"), "hello");
        assertBad(ab("--base", text.toString(), "--new", cpuJar.toString()), "not a jar");
        Path plain = dir.resolve("plain.jar");
        try (OutputStream o = Files.newOutputStream(plain); ZipOutputStream zip = new ZipOutputStream(o)) {
            zip.putNextEntry(new ZipEntry("Main.class"));
            zip.closeEntry();
        }
        assertBad(ab("--base", cpuJar.toString(), "--new", plain.toString()), "not a JMH jar (no META-INF/BenchmarkList)");
    }

    @Test
    void noRowsInCommonIsBadInput() {
        assertBad(ab("--base", cpuJar.toString(), "--new", ioJar.toString()), "no rows in common between");
        assertBad(ab("--base", cpuJar.toString(), "--new", cpuJar.toString(), "NoSuchBenchmark"), "no rows in common");
    }

    @Test
    void badOptionsAreBadInput() {
        String b = cpuJar.toString();
        assertBad(ab("--new", b), "--base JAR is needed, unless --base-java, --new-java, --base-jvm-args or --new-jvm-args");
        assertBad(ab("--base", b), "--new is needed when ab does not run from a jar");
        assertBad(ab("--base", b, "--new", b, "-f", "1"), "JMH option -f is not for ab");
        assertBad(ab("--base", b, "--new", b, "-rf", "csv"), "JMH option -rf is not for ab");
        assertBad(ab("--base", b, "--new", b, "--frobnicate"), "--frobnicate");
        assertBad(ab("--base", b, "--new", b, "--budget", "soon"), "--budget needs a positive duration");
        assertBad(ab("--base", b, "--new", b, "--budget", "0s"), "--budget needs a positive duration");
        assertBad(ab("--base", b, "--new", b, "--format", "xml"), "unknown format 'xml'");
        assertBad(ab("--base", b, "--new", b, "--min-effect", "0"), "--min-effect must be a percentage above 0");
        assertBad(ab("--base", b, "--new", b, "--alpha", "1.5"), "--alpha must be between 0 and 1");
        assertBad(ab("--base", b, "--new", b, "--detect", "5"), "--detect must be a percentage above the minimum effect (5), got 5");
        assertBad(ab("--base", b, "--new", b, "--deep", "--min-effect", "6", "--detect", "5"), "above the minimum effect (6)");
        assertBad(ab("--base", b, "--new", b, "-p", "nosuch=1"), "no selected benchmark has a param named nosuch");
        assertBad(ab("--base", b, "--new", b, "-p", "model=NOPE"), "-p model=NOPE");
        assertBad(ab("--base", b, "--new", b, "-p", "model"), "-p needs name=value");
        assertBad(ab("--base", b, "--new", b, "-wi", "two"), "-wi needs a whole number");
        assertBad(ab("--base", b, "--new", b, "-r", "long"), "-r needs a time");
        assertBad(ab("--base", b, "--new", b, "Cpu("), "is not a regular expression");
    }

    @Test
    void aBadControlShareIsBadInputAndABareControlLeavesTheNextArgumentAlone() {
        String b = cpuJar.toString();
        assertBad(ab("--base", b, "--new", b, "--control", "0"), "--control takes the share of the pairs");
        assertBad(ab("--base", b, "--new", b, "--control", "0.7"), "at most 0.5 (e.g. 0.2), got 0.7");
        assertBad(ab("--base", b, "--new", b, "--control=abc"), "Invalid value for option '--control': 'abc' is not a double");
        // Taken as a pattern, not as a share: the one-line error is about rows, not about --control.
        assertBad(ab("--base", b, "--new", b, "--control", "NoSuchBenchmark"), "no rows in common");
        assertBad(ab("--base", b, "--new", b, "--control", "-p", "nosuch=1"), "no selected benchmark has a param named nosuch");
    }

    @Test
    void aBadPartIsBadInput() {
        String b = cpuJar.toString();
        assertBad(ab("--base", b, "--new", b, "--part", "0/2"), "--part needs K/N with 1 <= K <= N, e.g. 1/2, got 0/2");
        assertBad(ab("--base", b, "--new", b, "--part", "3/2"), "got 3/2");
        assertBad(ab("--base", b, "--new", b, "--part", "1/0"), "got 1/0");
        assertBad(ab("--base", b, "--new", b, "--part", "half"), "got 'half'");
        assertBad(ab("--base", b, "--new", b, "--part", "1/2/3"), "got '1/2/3'");
        // The fib list on one model and the recursive fork/join row: two rows, so a third part is empty.
        assertBad(ab("--base", b, "--new", b, "--part", "3/3", "-p", "model=SEQUENTIAL"), "--part 3/3 has no rows: only 2 in common");
    }

    @Test
    void aBadCpuListIsBadInput() {
        String b = cpuJar.toString();
        int beyond = Affinity.allowed().cpus().get(Affinity.allowed().size() - 1) + 1;
        assertBad(ab("--base", b, "--new", b, "--cpus", "abc"), "--cpus: 'abc' is not a CPU list");
        assertBad(ab("--base", b, "--new", b, "--cpus", "1-0"), "runs backwards");
        assertBad(ab("--base", b, "--new", b, "--cpus", "0," + beyond), "--cpus 0," + beyond + ": ");
        assertBad(ab("--base", b, "--new", b, "--cpus"), "Missing required parameter for option '--cpus'");
    }

    /** A java home in the test's folder whose bin/java is a shell script that prints {@code stderr} and exits with {@code code}. */
    private static Path fakeJava(String name, String stderr, int code) throws IOException {
        Path bin = Files.createDirectories(dir.resolve(name).resolve("bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\ncat >&2 <<'END'\n" + stderr + "\nEND\nexit " + code + "\n");
        assertTrue(java.toFile().setExecutable(true));
        return bin.getParent();
    }

    /** The JDK home of the {@code java} on the PATH, when it is older than 21 (this machine's default is 17). */
    private static Optional<Path> oldJdkOnThePath() {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(p -> Path.of(p, "java")).filter(Files::isExecutable).findFirst()
                .flatMap(java -> {
                    try {
                        Path home = java.toRealPath().getParent().getParent();
                        String release = Files.readString(home.resolve("release"));
                        Matcher m = Pattern.compile("JAVA_VERSION=\"(\\d+)").matcher(release);
                        return m.find() && Integer.parseInt(m.group(1)) < JavaRuntime.REQUIRED ? Optional.of(home) : Optional.empty();
                    } catch (IOException e) {
                        return Optional.empty();
                    }
                });
    }

    @Test
    void aJavaThatIsNotOneOrTooOldOrFlagsItRefusesAreBadInputBeforeAnythingRuns() throws IOException {
        String b = cpuJar.toString();
        Path empty = Files.createDirectories(dir.resolve("no-java"));
        assertBad(ab("--base", b, "--new", b, "--base-java", empty.toString()), "--base-java " + empty.toRealPath()
                + ": no java in it");
        assertBad(ab("--base", b, "--new", b, "--new-java", dir.resolve("nowhere").toString()), "no such folder");
        Path old = fakeJava("jdk-17", "Property settings:\n    java.specification.version = 17\n"
                + "    java.runtime.version = 17.0.13+11\n\nopenjdk version \"17.0.13\"", 0);
        assertBad(ab("--base", b, "--new", b, "--base-java", old.toString()),
                "Java 17 (17.0.13+11), but the suite needs Java 21 or newer");
        Path notJava = fakeJava("not-java", "hello", 0);
        assertBad(ab("--base", b, "--new", b, "--new-java", notJava.toString()), "its bin/java is not a java");
        Path broken = fakeJava("broken", "Error occurred during initialization of VM", 1);
        assertBad(ab("--base", b, "--new", b, "--new-java", broken.toString()),
                "its java failed to start after the flags the benchmarks declare ('-Xms2g -Xmx2g'): Error occurred during"
                        + " initialization of VM");
        // This JVM's own java, given a flag it does not know.
        assertBad(ab("--base", b, "--new", b, "--new-jvm-args", "-Xmx1g -XX:+NoSuchFlagForAb"),
                "--new-jvm-args '-Xmx1g -XX:+NoSuchFlagForAb': the java at " + JavaRuntime.running().home()
                        + " refuses them after the flags the benchmarks declare ('-Xms2g -Xmx2g'): Unrecognized VM option"
                        + " 'NoSuchFlagForAb'");
        // A heap the forks could not start with: the side's -Xmx under the -Xms the benchmarks declare.
        assertBad(ab("--base", b, "--new", b, "--new-jvm-args", "-Xmx256m"), "--new-jvm-args '-Xmx256m': the java at "
                + JavaRuntime.running().home() + " refuses them after the flags the benchmarks declare ('-Xms2g -Xmx2g'):"
                + " Initial heap size set to a larger value than the maximum heap size");
    }

    @Test
    void theMachinesOwnOlderJdkIsRefused() {
        Optional<Path> jdk = oldJdkOnThePath();
        assumeTrue(jdk.isPresent(), "no JDK older than 21 is the default java here");
        String b = cpuJar.toString();
        assertBad(ab("--base", b, "--new", b, "--base-java", jdk.get().toString()), "but the suite needs Java 21 or newer");
    }

    @Test
    void withOnlyJavasOrFlagsTheRunningJarIsBothSides() {
        // Tests do not run from a jar, so the default names itself.
        assertBad(ab("--new", cpuJar.toString(), "--new-jvm-args", "-Xmx1g"), "--base is needed when ab does not run from a jar");
        assertBad(ab("--base-java", JavaRuntime.running().home().toString()), "--new is needed when ab does not run from a jar");
    }

    @Test
    void theProbesOutputIsReadForTheJavaAndItsRefusal() {
        Path home = Path.of("/jdk");
        JavaRuntime r = JavaRuntime.parse("--base-java", home, "--base-jvm-args", List.of(), List.of(), 0, String.join("\n",
                "Property settings:", "    java.library.path = /usr/java/packages/lib", "        /usr/lib64",
                "    java.runtime.version = 25.0.3+9-LTS", "    java.specification.version = 25", "    java.vendor = Eclipse Adoptium",
                "    java.version = 25.0.3", "    java.vm.name = OpenJDK 64-Bit Server VM", "", "openjdk version \"25.0.3\""));
        assertEquals(new JavaRuntime(home, 25, "25.0.3", "Eclipse Adoptium", "25.0.3+9-LTS", "OpenJDK 64-Bit Server VM"), r);
        assertEquals(Path.of("/jdk/bin/java"), r.executable());
        AbException e = org.junit.jupiter.api.Assertions.assertThrows(AbException.class, () -> JavaRuntime.parse("--new-java",
                home, "--new-jvm-args", List.of(), List.of("-XX:+Nope"), 1, "Unrecognized VM option 'Nope'\n"
                        + "Error: Could not create the Java Virtual Machine.\nError: A fatal exception has occurred. Program will exit."));
        assertEquals("--new-jvm-args '-XX:+Nope': the java at /jdk refuses them: Unrecognized VM option 'Nope'", e.getMessage());
    }

    @Test
    void deepIsAPresetThatExplicitOptionsOverride() {
        assertEquals("budget 55m00s, minimum effect 2%, detect 5%", Preset.of(true, null, null, null).toString());
        assertEquals("budget 15m00s, minimum effect 5%, detect 10%", Preset.of(false, null, null, null).toString());
        assertEquals("budget 30m00s, minimum effect 2%, detect 5%", Preset.of(true, "30m", null, null).toString());
        assertEquals("budget 55m00s, minimum effect 3%, detect 6%", Preset.of(true, null, 3.0, null).toString());
        assertEquals("budget 15m00s, minimum effect 5%, detect 7.5%", Preset.of(false, null, null, 7.5).toString());
    }

    @Test
    void helpExitsZero() {
        Run r = run("--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("--budget"), r.out());
    }
}
