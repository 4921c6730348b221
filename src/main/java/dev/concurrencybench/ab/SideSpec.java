package dev.concurrencybench.ab;

import dev.concurrencybench.bench.JarBenchmarkList;
import dev.concurrencybench.results.AbSide;
import dev.concurrencybench.util.Checksums;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one side of an {@code ab} run is: a jar, the java that runs its JMH host and forks, and the
 * JVM flags added to every fork of it.
 *
 * @param jar      the jar, absolute
 * @param jarSha256 the SHA-256 of the jar's bytes: two builds of one commit are one jar when the build is reproducible
 * @param java     its java
 * @param jvmArgs  the side's own fork flags ({@code --base-jvm-args}, {@code --new-jvm-args})
 * @param appended each benchmark's declared {@code @Fork(jvmArgsAppend)} in this jar, by benchmark name:
 *                 a {@code -jvmArgsAppend} on JMH's command line replaces them, so the side's call repeats them
 */
public record SideSpec(Side side, Path jar, String jarSha256, JavaRuntime java, List<String> jvmArgs,
                       Map<String, List<String>> appended) {

    public SideSpec {
        jar = jar.toAbsolutePath().normalize();
        jvmArgs = List.copyOf(jvmArgs);
        appended = Map.copyOf(appended);
    }

    /** The side of a jar whose benchmark list is {@code entries}. */
    static SideSpec of(Side side, Path jar, JavaRuntime java, List<String> jvmArgs, List<JarBenchmarkList.Entry> entries)
            throws IOException {
        Map<String, List<String>> appended = new LinkedHashMap<>();
        entries.forEach(e -> appended.putIfAbsent(e.benchmark(), e.jvmArgsAppend()));
        return new SideSpec(side, jar, Checksums.sha256(jar), java, jvmArgs, appended);
    }

    /** The flags declared to follow {@code benchmark}'s own, or none. */
    List<String> declaredAppend(String benchmark) {
        return appended.getOrDefault(benchmark, List.of());
    }

    /** As the side's sidecar records it. */
    AbSide record() {
        return new AbSide(side.label(), jar.toString(), jarSha256, java.home().toAbsolutePath().toString(), java.version(),
                java.vendor(), java.build(), java.vmName(), jvmArgs);
    }
}
