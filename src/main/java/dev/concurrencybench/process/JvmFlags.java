package dev.concurrencybench.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM flags a child JVM starts with: a parameter of SpawnBenchmark and of the process models,
 * never hidden in the command.
 */
public enum JvmFlags {
    /** The JVM's defaults: tiered C1+C2, G1, the JDK's default CDS archive. */
    DEFAULT,
    /**
     * Tuned for short-lived JVMs: C1 only ({@code -XX:TieredStopAtLevel=1}), the Serial GC (no GC
     * threads to start), and a dynamic CDS archive of the app's own classes, created by the first
     * run ({@code -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=<temp dir>/...}) and mapped by
     * every later one. CDS cannot archive classes from a folder, so when the class path has one
     * (tests run from {@code target/classes}) the archive flags are left out.
     */
    LEAN;

    /** The flags, with the CDS archive at {@code archive} when the class path allows it (may be null). */
    public List<String> flags(Path archive, String classPath) {
        List<String> flags = new ArrayList<>();
        if (this == LEAN) {
            flags.add("-XX:TieredStopAtLevel=1");
            flags.add("-XX:+UseSerialGC");
            flags.add("-Xshare:auto");
            if (archive != null && JavaCommand.onlyJars(classPath)) {
                flags.add("-XX:+AutoCreateSharedArchive");
                flags.add("-XX:SharedArchiveFile=" + archive);
            }
        }
        return List.copyOf(flags);
    }
}
