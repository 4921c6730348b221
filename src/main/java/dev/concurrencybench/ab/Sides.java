package dev.concurrencybench.ab;

import dev.concurrencybench.results.AbSide;
import java.util.List;

/**
 * The two sides of an {@code ab} run as the head of its table names them: what differs between
 * them (or that nothing does: an A/A run), and each side's jar, java and flags.
 */
record Sides(AbSide base, AbSide next) {

    /** Same jar, same java, same flags: any row flagged is a false alarm. */
    boolean aa() {
        return base.sameAs(next);
    }

    /**
     * The first line of the head, e.g. {@code A/A: both sides are the same jar, java and flags, so a
     * row flagged is a false alarm} or {@code the sides differ in the java: JDK 21.0.5+11-LTS against
     * JDK 25.0.3+9-LTS}.
     */
    String headline() {
        if (aa() && !base.jar().equals(next.jar())) {
            return "A/A: both jars have the same bytes (sha256 " + shortSha(base) + "), and the java and flags are the same,"
                    + " so a row flagged is a false alarm";
        }
        if (aa()) {
            return "A/A: both sides are the same jar, java and flags, so a row flagged is a false alarm";
        }
        List<String> differences = base.differencesFrom(next);
        String what = "the sides differ in " + String.join(" and ", differences);
        return differences.equals(List.of("the jar")) ? what : what + ": " + base.label(next) + " against " + next.label(base);
    }

    /** The head's lines: the headline, then each side's jar, java and flags. */
    List<String> notes() {
        return List.of(headline(), describe(base), describe(next));
    }

    /** The Markdown table's heading, e.g. {@code Same-machine A/B (ab): JDK 21.0.5+11-LTS against JDK 25.0.3+9-LTS}. */
    String title() {
        if (aa()) {
            return "Same-machine A/A (ab)";
        }
        String title = "Same-machine A/B (ab)";
        return base.differencesFrom(next).equals(List.of("the jar")) ? title
                : title + ": " + base.label(next) + " against " + next.label(base);
    }

    /**
     * E.g. {@code base: jar /w/base.jar (sha256 0c2a8763c96d); java 21.0.5 (Eclipse Adoptium, build
     * 21.0.5+11-LTS, ...) at /jdk; flags: none}.
     */
    private static String describe(AbSide side) {
        String sha = side.jarSha256() == null ? "" : " (sha256 " + shortSha(side) + ")";
        return side.role() + ": jar " + side.jar() + sha + "; java " + side.javaSummary() + "; flags: " + side.flags();
    }

    /** The first 12 hex digits of the jar's digest: enough to tell builds apart by eye (the JSON keeps all 64). */
    private static String shortSha(AbSide side) {
        return side.jarSha256().substring(0, Math.min(12, side.jarSha256().length()));
    }
}
