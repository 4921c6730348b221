package dev.concurrencybench.process;

import dev.concurrencybench.util.Jvms;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The command line that starts a child JVM running one of this project's classes: the same
 * {@code java} as the running JVM ({@code java.home}) and the same class path, with no shell in
 * between and every argument passed as its own element (nothing is ever interpolated into a
 * command string).
 */
public final class JavaCommand {

    /**
     * Flags every child JVM gets: stdout belongs to the worker protocol, so the JVM's own
     * warnings and errors (unified logging defaults to stdout, as does other VM output) go to
     * stderr instead, where they end up in the error tail a failure reports.
     */
    public static final List<String> STDOUT_IS_PROTOCOL = List.of(
            "-Xlog:disable", "-Xlog:all=warning:stderr", "-XX:+DisplayVMOutputToStderr");

    private JavaCommand() {
    }

    /** {@code java <jvmFlags> -cp <our class path> <mainClass> <args>}. */
    public static List<String> of(List<String> jvmFlags, Class<?> mainClass, List<String> args) {
        return of(jvmFlags, System.getProperty("java.class.path"), mainClass, args);
    }

    /**
     * The command of a child JVM whose stdout is a protocol ({@link ChildJvm}): {@link
     * #STDOUT_IS_PROTOCOL}, then {@code jvmFlags}, the class path, the main class and its args.
     */
    public static List<String> worker(List<String> jvmFlags, String classPath, Class<?> mainClass, List<String> args) {
        List<String> flags = new ArrayList<>(STDOUT_IS_PROTOCOL);
        flags.addAll(jvmFlags);
        return of(flags, classPath, mainClass, args);
    }

    /** {@code java <jvmFlags> -cp <classPath> <mainClass> <args>}. */
    public static List<String> of(List<String> jvmFlags, String classPath, Class<?> mainClass, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Jvms.javaExecutable().toString());
        cmd.addAll(jvmFlags);
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(mainClass.getName());
        cmd.addAll(args);
        return cmd;
    }

    /**
     * Just the jars or folders that hold {@code classes}: a worker needs nothing else, and a
     * short class path is one a CDS archive can cover. Under surefire or JMH the full
     * {@code java.class.path} may be a long list or a manifest-only jar.
     */
    public static String classPathOf(Class<?>... classes) {
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> c : classes) {
            try {
                entries.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (URISyntaxException | NullPointerException e) {
                throw new IllegalStateException("cannot tell where " + c.getName() + " was loaded from", e);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /** True when every entry is a jar: CDS cannot archive classes from a non-empty folder. */
    public static boolean onlyJars(String classPath) {
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.endsWith(".jar")) {
                return false;
            }
        }
        return true;
    }
}
