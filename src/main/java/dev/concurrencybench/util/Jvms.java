package dev.concurrencybench.util;

import java.nio.file.Path;

/** The running JVM as a command: what a child JVM, a worker or a pinned re-launch is started with. */
public final class Jvms {

    private Jvms() {
    }

    /** The running JVM's own java executable, so a child runs on the same JDK as its parent. */
    public static Path javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }
}
