package dev.concurrencybench;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The jar's entry point, compiled for Java 17 so that it loads on an older default {@code java}.
 * On Java 21+ it hands over to {@link Main} in this JVM. On an older one it finds an installed JDK
 * 21+ ({@code JAVA_HOME} first, then the usual install folders), says so in one line, and runs the
 * same jar and arguments there; with none found it says what to install and exits 2.
 */
public final class Launcher {

    static final int REQUIRED = 21;
    private static final Pattern VERSION = Pattern.compile("^JAVA_VERSION=\"(?:1\\.)?(\\d+)", Pattern.MULTILINE);

    private Launcher() {
    }

    public static void main(String[] args) throws Throwable {
        int running = Runtime.version().feature();
        if (running >= REQUIRED) {
            try {
                Class.forName("dev.concurrencybench.Main").getMethod("main", String[].class).invoke(null, (Object) args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            return;
        }
        Optional<Jdk> jdk = findJdk();
        if (jdk.isEmpty()) {
            System.err.println("concurrency-bench needs Java " + REQUIRED + "+, but this is Java " + running
                    + " and no JDK " + REQUIRED + "+ was found: install one (e.g. Temurin 21 or 25) and set JAVA_HOME to it.");
            System.exit(2);
        }
        System.err.println("concurrency-bench: Java " + running + " is too old; re-running on Java "
                + jdk.get().feature + " at " + jdk.get().home);
        System.exit(relaunch(jdk.get(), args));
    }

    private static int relaunch(Jdk jdk, String[] args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(jdk.home.resolve("bin").resolve("java").toString());
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        String classPath = System.getProperty("java.class.path");
        if (isThisJar(classPath)) {
            // Through the jar's manifest, so the new JVM gets its Enable-Native-Access too (machine/ForeignPinner).
            cmd.add("-jar");
            cmd.add(classPath);
        } else {
            cmd.add("-cp");
            cmd.add(classPath);
            cmd.add("dev.concurrencybench.Main");
        }
        cmd.addAll(List.of(args));
        Process child = new ProcessBuilder(cmd).inheritIO().start();
        Thread killer = new Thread(child::destroy);
        Runtime.getRuntime().addShutdownHook(killer);
        int code = child.waitFor();
        Runtime.getRuntime().removeShutdownHook(killer);
        return code;
    }

    /** Whether the class path is just a jar whose entry point is this class: the jar the user ran. */
    static boolean isThisJar(String classPath) {
        if (!classPath.endsWith(".jar") || classPath.contains(File.pathSeparator) || !Files.isRegularFile(Paths.get(classPath))) {
            return false;
        }
        try (JarFile jar = new JarFile(classPath)) {
            Manifest manifest = jar.getManifest();
            return manifest != null && Launcher.class.getName().equals(manifest.getMainAttributes().getValue(Attributes.Name.MAIN_CLASS));
        } catch (IOException e) {
            return false;
        }
    }

    static Optional<Jdk> findJdk() {
        String home = System.getProperty("user.home", "");
        return findJdk(System.getenv("JAVA_HOME"), List.of(Paths.get("/usr/lib/jvm"), Paths.get("/usr/java"),
                Paths.get("/opt/java"), Paths.get("/opt"), Paths.get("/Library/Java/JavaVirtualMachines"),
                Paths.get(home, ".sdkman", "candidates", "java"), Paths.get(home, ".jdks")));
    }

    /** The newest JDK 21+ under {@code roots}, preferring {@code javaHome} when it qualifies. */
    static Optional<Jdk> findJdk(String javaHome, List<Path> roots) {
        if (javaHome != null && !javaHome.isBlank()) {
            Optional<Jdk> fromEnv = probe(Paths.get(javaHome));
            if (fromEnv.isPresent()) {
                return fromEnv;
            }
        }
        return roots.stream()
                .flatMap(Launcher::children)
                .flatMap(p -> Stream.of(p, p.resolve("Contents").resolve("Home")))
                .map(Launcher::probe)
                .flatMap(Optional::stream)
                .max(Comparator.comparingInt((Jdk j) -> j.feature).thenComparing(j -> j.home.toString()));
    }

    private static Stream<Path> children(Path root) {
        if (!Files.isDirectory(root)) {
            return Stream.empty();
        }
        try (Stream<Path> list = Files.list(root)) {
            return list.toList().stream();
        } catch (IOException e) {
            return Stream.empty();
        }
    }

    private static Optional<Jdk> probe(Path home) {
        try {
            Path release = home.resolve("release");
            if (!Files.isRegularFile(release) || !Files.isExecutable(home.resolve("bin").resolve("java"))) {
                return Optional.empty();
            }
            Matcher m = VERSION.matcher(Files.readString(release));
            if (!m.find()) {
                return Optional.empty();
            }
            int feature = Integer.parseInt(m.group(1));
            return feature >= REQUIRED ? Optional.of(new Jdk(home.toRealPath(), feature)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static final class Jdk {
        final Path home;
        final int feature;

        Jdk(Path home, int feature) {
            this.home = home;
            this.feature = feature;
        }
    }
}
