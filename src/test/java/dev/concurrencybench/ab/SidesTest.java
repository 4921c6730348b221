package dev.concurrencybench.ab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concurrencybench.results.AbSide;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The head of an ab table: an A/A run said as one, and what tells two sides apart named in it. */
class SidesTest {

    static AbSide side(String role, String jar, String home, String build, List<String> flags) {
        return new AbSide(role, jar, home, build.replaceAll("\\+.*", ""), "Eclipse Adoptium", build,
                "OpenJDK 64-Bit Server VM", flags);
    }

    private static final AbSide BASE = side("base", "/w/benchmarks.jar", "/jdk/21", "21.0.5+11-LTS", List.of());

    @Test
    void twoIdenticalSidesAreAnAaRunAndTheHeadSaysSo() {
        Sides s = new Sides(BASE, side("new", "/w/benchmarks.jar", "/jdk/21", "21.0.5+11-LTS", List.of()));
        assertTrue(s.aa());
        assertEquals("Same-machine A/A (ab)", s.title());
        assertEquals("A/A: both sides are the same jar, java and flags, so a row flagged is a false alarm", s.notes().get(0));
        assertEquals("base: jar /w/benchmarks.jar; java 21.0.5 (Eclipse Adoptium, build 21.0.5+11-LTS, OpenJDK 64-Bit Server VM)"
                + " at /jdk/21; flags: none", s.notes().get(1));
        assertTrue(s.notes().get(2).startsWith("new: jar /w/benchmarks.jar; java 21.0.5 "), s.notes().get(2));
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
