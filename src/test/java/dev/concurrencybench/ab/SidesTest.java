package dev.concurrencybench.ab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concurrencybench.results.AbSide;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The head of an ab table: an A/A run said as one, and what tells two sides apart named in it. */
class SidesTest {

    /** The digest of a jar in these tests: its path's hash, repeated (so one file is one content, as it would be). */
    static AbSide side(String role, String jar, String home, String build, List<String> flags) {
        return side(role, jar, digest(jar), home, build, flags);
    }

    static AbSide side(String role, String jar, String sha, String home, String build, List<String> flags) {
        return new AbSide(role, jar, sha, home, build.replaceAll("\\+.*", ""), "Eclipse Adoptium", build,
                "OpenJDK 64-Bit Server VM", flags);
    }

    private static String digest(String jar) {
        return String.format("%08x", jar.hashCode()).repeat(8);
    }

    private static final AbSide BASE = side("base", "/w/benchmarks.jar", "/jdk/21", "21.0.5+11-LTS", List.of());

    @Test
    void twoIdenticalSidesAreAnAaRunAndTheHeadSaysSo() {
        Sides s = new Sides(BASE, side("new", "/w/benchmarks.jar", "/jdk/21", "21.0.5+11-LTS", List.of()));
        assertTrue(s.aa());
        assertEquals("Same-machine A/A (ab)", s.title());
        assertEquals("A/A: both sides are the same jar, java and flags, so a row flagged is a false alarm", s.notes().get(0));
        assertEquals("base: jar /w/benchmarks.jar (sha256 " + digest("/w/benchmarks.jar").substring(0, 12) + "); java 21.0.5"
                + " (Eclipse Adoptium, build 21.0.5+11-LTS, OpenJDK 64-Bit Server VM) at /jdk/21; flags: none", s.notes().get(1));
        assertTrue(s.notes().get(2).startsWith("new: jar /w/benchmarks.jar (sha256 "), s.notes().get(2));
    }

    @Test
    void twoBuildsOfTheSameBytesAreOneJarAndTheHeadSaysSo() {
        String sha = "0c2a8763c96dbc2be326e8fdf8bf7e2f62ddf7b64f8a147f0a95618eb535e89c";
        AbSide base = side("base", "/w/base/benchmarks.jar", sha, "/jdk/21", "21.0.5+11-LTS", List.of());
        Sides s = new Sides(base, side("new", "/w/new/benchmarks.jar", sha, "/jdk/21", "21.0.5+11-LTS", List.of()));
        assertTrue(s.aa(), "two clean builds of one commit, the build reproducible");
        assertEquals("Same-machine A/A (ab)", s.title());
        assertEquals("A/A: both jars have the same bytes (sha256 0c2a8763c96d), and the java and flags are the same,"
                + " so a row flagged is a false alarm", s.headline());
        assertTrue(s.notes().get(2).startsWith("new: jar /w/new/benchmarks.jar (sha256 0c2a8763c96d); "), s.notes().get(2));

        Sides flags = new Sides(base, side("new", "/w/new/benchmarks.jar", sha, "/jdk/21", "21.0.5+11-LTS", List.of("-Xint")));
        assertEquals("the sides differ in the flags: default flags against flags -Xint", flags.headline(),
                "one code on two flag sets: no role before the labels");

        Sides rebuilt = new Sides(base, side("new", "/w/new/benchmarks.jar", sha.replace('0', '1'), "/jdk/21", "21.0.5+11-LTS",
                List.of()));
        assertFalse(rebuilt.aa());
        assertEquals("the sides differ in the jar", rebuilt.headline());
    }

    @Test
    void aSidecarWithoutADigestFallsBackToTheJarsPath() {
        AbSide old = side("base", "/w/benchmarks.jar", null, "/jdk/21", "21.0.5+11-LTS", List.of());
        assertTrue(new Sides(old, side("new", "/w/benchmarks.jar", null, "/jdk/21", "21.0.5+11-LTS", List.of())).aa());
        assertTrue(new Sides(old, BASE).aa(), "one side's digest is not enough to compare");
        assertFalse(new Sides(old, side("new", "/w/head.jar", null, "/jdk/21", "21.0.5+11-LTS", List.of())).aa());
        assertEquals("base: jar /w/benchmarks.jar; java 21.0.5 (Eclipse Adoptium, build 21.0.5+11-LTS, OpenJDK 64-Bit Server VM)"
                + " at /jdk/21; flags: none", new Sides(old, BASE).notes().get(1));
    }

    @Test
    void twoJavasAreNamedByTheirBuilds() {
        Sides s = new Sides(BASE, side("new", "/w/benchmarks.jar", "/jdk/25", "25.0.3+9-LTS", List.of()));
        assertFalse(s.aa());
        assertEquals("the sides differ in the java: JDK 21.0.5+11-LTS against JDK 25.0.3+9-LTS", s.headline());
        assertEquals("Same-machine A/B (ab): JDK 21.0.5+11-LTS against JDK 25.0.3+9-LTS", s.title());
        assertTrue(s.notes().get(2).contains("java 25.0.3 (Eclipse Adoptium, build 25.0.3+9-LTS"), s.notes().get(2));
    }

    @Test
    void oneBuildInTwoHomesIsNamedByItsHomes() {
        AbSide copy = side("new", "/w/benchmarks.jar", "/w/jdk-copy", "21.0.5+11-LTS", List.of());
        assertEquals("the sides differ in the java: JDK 21.0.5+11-LTS at /jdk/21 against JDK 21.0.5+11-LTS at /w/jdk-copy",
                new Sides(BASE, copy).headline());
    }

    @Test
    void twoFlagSetsAreNamedByTheirFlags() {
        Sides s = new Sides(BASE, side("new", "/w/benchmarks.jar", "/jdk/21", "21.0.5+11-LTS", List.of("-XX:+UseSerialGC")));
        assertEquals("the sides differ in the flags: default flags against flags -XX:+UseSerialGC", s.headline());
        assertTrue(s.notes().get(2).endsWith("; flags: -XX:+UseSerialGC"), s.notes().get(2));
    }

    @Test
    void twoJarsKeepTheirRolesAndAJarAloneNeedsNoLabel() {
        AbSide other = side("new", "/w/head.jar", "/jdk/25", "25.0.3+9-LTS", List.of("-Xmx1g"));
        assertEquals("the sides differ in the jar and the java and the flags: base: JDK 21.0.5+11-LTS, default flags"
                + " against new: JDK 25.0.3+9-LTS, flags -Xmx1g", new Sides(BASE, other).headline());
        Sides jars = new Sides(BASE, side("new", "/w/head.jar", "/jdk/21", "21.0.5+11-LTS", List.of()));
        assertEquals("the sides differ in the jar", jars.headline());
        assertEquals("Same-machine A/B (ab)", jars.title());
        assertEquals("base", BASE.label(jars.next()), "charts keep the file names");
    }
}
