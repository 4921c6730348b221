package dev.concurrencybench.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line that starts a child JVM running one of this project's classes: the same
 * {@code java} as the running JVM ({@code java.home}) and the same class path, with no shell in
 * between and every argument passed as its own element (nothing is ever interpolated into a
 * command string).
 */
public final class JavaCommand {

    private JavaCommand() {
    }

    /** The running JVM's own java executable. */
    public static Path javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** {@code java <jvmFlags> -cp <our class path> <mainClass> <args>}. */
    public static List<String> of(List<String> jvmFlags, Class<?> mainClass, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaExecutable().toString());
        cmd.addAll(jvmFlags);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass.getName());
        cmd.addAll(args);
        return cmd;
    }
}
