package dev.concurrencybench.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * One line of the store: one row of one {@code ab} run, with what identifies the two builds and the
 * machine. Ratios are kept as {@code ab} printed them (on the row's own scale) and as a time-like
 * log ratio with its standard error, which is what the history charts and tests: above 0 is slower,
 * for every mode.
 *
 * @param format  always {@link #FORMAT}
 * @param series  {@link #ANCHOR}: the head against the anchor build; {@link #COMMITS}: each commit
 *                against the one before (the push gate)
 * @param kind    {@code point}, one measurement of the series; {@code link}, a run of a new anchor
 *                against the old one, which chains the series across an anchor move
 * @param run     the ab run's folder name, e.g. {@code ab-20261204T224258Z}
 * @param seed    the run's seed; with {@code run}, it tells two runs apart
 * @param time    when the run ended (its sidecar's time), ISO-8601 UTC
 * @param lnRatio ln(new / base) of time per operation (for a throughput row, ln(base / new)); null when
 *                the row could not be tested
 * @param se      its standard error, from ab's interval and degrees of freedom; null when untested
 * @param df      the degrees of freedom of ab's test of the row; null when untested
 * @param ratio   new / base on the row's own scale, as ab printed it; {@code ciLow}, {@code ciHigh} its interval
 * @param level   the level of that interval, 1 - ab's alpha
 * @param mde     ab's minimum detectable effect for the row, a fraction
 * @param verdict ab's verdict for the row, e.g. {@code regression} or {@code inconclusive}
 * @param pairs   the pairs of forks the row got
 * @param anchor  the base build: for the anchor series, the anchor
 * @param head    the new build
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Entry(String format, String series, String kind, String run, Long seed, String time, String benchmark, String mode,
             Map<String, String> params, String unit, Double lnRatio, Double se, Double df, Double ratio, Double ciLow,
             Double ciHigh, Double level, Double mde, String verdict, Integer pairs, Build anchor, Build head,
             Machine machine) {

    static final String FORMAT = "concurrency-bench-history/1";
    static final String ANCHOR = "anchor";
    static final String COMMITS = "commits";
    static final String POINT = "point";
    static final String LINK = "link";

    Entry {
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
    }

    /** One row of the suite: benchmark, mode and params, in a form that sorts and compares as text. */
    String row() {
        StringBuilder sb = new StringBuilder(benchmark).append(' ').append(mode);
        new TreeMap<>(params).forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
        return sb.toString();
    }

    /** What makes a line the same line: its series, kind, run and row. Adding it twice adds it once. */
    String identity() {
        return series + "|" + kind + "|" + run + "|" + seed + "|" + row();
    }

    Instant instant() {
        return Instant.parse(time);
    }

    /** Whether the row was tested: a log ratio with a finite, positive standard error. */
    boolean tested() {
        return lnRatio != null && se != null && Double.isFinite(lnRatio) && Double.isFinite(se) && se > 0;
    }

    /**
     * A build of the suite.
     *
     * @param commit the commit its work tree had checked out (from the sidecar), or null outside git
     * @param dirty  whether that work tree had uncommitted changes, or null outside git
     * @param jar    the jar as ab was given it
     * @param sha256 the jar's SHA-256
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Build(String commit, Boolean dirty, String jar, String sha256) {

        /**
         * What names this build across runs: its commit when the work tree was clean (the anchor is
         * rebuilt every night and a jar's bytes change with its build time), else the jar's digest.
         */
        String id() {
            if (commit != null && !Boolean.TRUE.equals(dirty)) {
                return commit;
            }
            String digest = sha256 == null ? "unknown" : sha256.substring(0, Math.min(12, sha256.length()));
            return commit == null ? "jar " + digest : commit + " (dirty, jar " + digest + ")";
        }

        /** A short name for tables: the commit's first 10 characters, marked when dirty, or the digest's. */
        String shortId() {
            if (commit != null) {
                return commit.substring(0, Math.min(10, commit.length())) + (Boolean.TRUE.equals(dirty) ? "+dirty" : "");
            }
            return sha256 == null ? "unknown" : "jar " + sha256.substring(0, Math.min(10, sha256.length()));
        }
    }

    /**
     * The machine and JDK of the run, and its core checks in a few words.
     *
     * @param coreChecks e.g. {@code equal before and after}; null when the run took none
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Machine(String cpuModel, Integer cores, Long memoryBytes, String os, String jdk, String cpus, String coreChecks,
                   Double capacityBefore, Double capacityAfter) {
    }
}
