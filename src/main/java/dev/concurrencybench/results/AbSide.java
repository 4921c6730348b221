package dev.concurrencybench.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One side of an {@code ab} run as its sidecar records it: the jar, the java that ran its JMH host
 * and forks, and the JVM flags added to its forks (docs/jdk-and-flags.md).
 *
 * @param role        {@code base} or {@code new}
 * @param jar         the jar's absolute path
 * @param jarSha256   the SHA-256 of the jar's bytes (null in sidecars written before it was recorded)
 * @param javaHome    the java home, e.g. {@code /usr/lib/jvm/temurin-21-jdk-amd64}
 * @param javaVersion {@code java.version}, e.g. {@code 21.0.5}
 * @param javaVendor  {@code java.vendor}, e.g. {@code Eclipse Adoptium}
 * @param javaBuild   {@code java.runtime.version}, e.g. {@code 21.0.5+11-LTS}
 * @param vmName      {@code java.vm.name}, e.g. {@code OpenJDK 64-Bit Server VM}
 * @param jvmArgs     the side's own flags, appended to every fork's ({@code --base-jvm-args}, {@code --new-jvm-args})
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AbSide(String role, String jar, String jarSha256, String javaHome, String javaVersion, String javaVendor, String javaBuild,
                     String vmName, List<String> jvmArgs) {

    public AbSide {
        jvmArgs = jvmArgs == null ? List.of() : List.copyOf(jvmArgs);
    }

    /** E.g. {@code 21.0.5 (Eclipse Adoptium, build 21.0.5+11-LTS, OpenJDK 64-Bit Server VM) at /usr/lib/jvm/jdk-21}. */
    public String javaSummary() {
        return javaVersion + " (" + javaVendor + ", build " + javaBuild + ", " + vmName + ") at " + javaHome;
    }

    /** The side's flags as one line, or {@code none}. */
    public String flags() {
        return jvmArgs.isEmpty() ? "none" : String.join(" ", jvmArgs);
    }

    private boolean sameJava(AbSide o) {
        return Objects.equals(javaHome, o.javaHome) && Objects.equals(javaBuild, o.javaBuild)
                && Objects.equals(javaVendor, o.javaVendor);
    }

    /**
     * Whether both sides run the same code: jars of the same bytes (two clean builds of one commit,
     * the build being reproducible), or the same file when a digest is missing.
     */
    public boolean sameJar(AbSide o) {
        return jarSha256 != null && o.jarSha256 != null ? jarSha256.equals(o.jarSha256) : Objects.equals(jar, o.jar);
    }

    /** Whether both sides are the same jar, java and flags: an A/A run. */
    public boolean sameAs(AbSide o) {
        return sameJar(o) && sameJava(o) && jvmArgs.equals(o.jvmArgs);
    }

    /** What tells the two sides apart, e.g. {@code the java and the flags}; empty for an A/A run. */
    public List<String> differencesFrom(AbSide o) {
        List<String> out = new ArrayList<>();
        if (!sameJar(o)) {
            out.add("the jar");
        }
        if (!sameJava(o)) {
            out.add("the java");
        }
        if (!jvmArgs.equals(o.jvmArgs)) {
            out.add("the flags");
        }
        return out;
    }

    /**
     * How charts and headings name this side against {@code other}: its java (its build, with the
     * vendor or home only where the build alone does not tell them apart) and its flags, where they
     * differ, after its role when the jars differ too; e.g. {@code JDK 21.0.5+11-LTS}, {@code flags
     * -XX:+UseSerialGC}, {@code default flags}, {@code base: JDK 21.0.5+11-LTS}. Its role alone
     * ({@code base}) when only the jar differs or nothing does.
     */
    public String label(AbSide other) {
        List<String> parts = new ArrayList<>();
        if (!sameJava(other)) {
            String jdk = "JDK " + javaBuild;
            if (Objects.equals(javaBuild, other.javaBuild)) {
                jdk += Objects.equals(javaVendor, other.javaVendor) ? " at " + javaHome : " (" + javaVendor + ")";
            }
            parts.add(jdk);
        }
        if (!jvmArgs.equals(other.jvmArgs)) {
            parts.add(jvmArgs.isEmpty() ? "default flags" : "flags " + String.join(" ", jvmArgs));
        }
        if (parts.isEmpty()) {
            return role;
        }
        return (sameJar(other) ? "" : role + ": ") + String.join(", ", parts);
    }
}
