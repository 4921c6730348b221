package dev.concurrencybench.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concurrencybench.results.Environment;
import dev.concurrencybench.results.Sidecar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sidecar's core-check fields: written and read back, and absent from older sidecars without harm. */
class SidecarCoreChecksTest {

    /** A sidecar as the suite wrote it before the core check existed. */
    private static final String OLDER = """
            {
              "format" : "concurrency-bench-env/1",
              "resultsFile" : "20261127T001932Z-full-all.json",
              "time" : "2026-11-27T00:19:33Z",
              "profile" : "full",
              "cpuModel" : "AMD EPYC",
              "logicalCores" : 2,
              "memoryBytes" : 25276063744,
              "os" : "Linux",
              "osVersion" : "6.18.44",
              "arch" : "amd64",
              "jdkVendor" : "Eclipse Adoptium",
              "jdkVersion" : "25.0.3+9-LTS",
              "jvmFlags" : [ ],
              "jmhArgs" : [ "-rf", "json" ],
              "gitCommit" : "9b7d3974e56cba60012c241939ea11409e7d3169",
              "gitDirty" : true
            }
            """;

    /** A check as the suite recorded it before the interquartile range and drift: five rounds, judged by their range. */
    static final String FIRST_RULE_CHECK = """
            { "time" : "2026-11-28T10:36:31Z", "kernel" : "fib(30)", "repetitions" : 25, "rounds" : 5,
              "pinnedWith" : "sched_setaffinity",
              "cpus" : [ { "cpu" : 0, "millis" : 5.204, "relativeSpeed" : 1.0, "spread" : 0.035,
                           "samples" : [ 5.039, 5.064, 5.208, 5.204, 5.215 ] },
                         { "cpu" : 1, "millis" : 5.262, "relativeSpeed" : 0.989, "spread" : 0.144,
                           "samples" : [ 5.262, 5.107, 5.842, 5.425, 5.237 ] } ],
              "capacity" : 1.989, "spread" : 0.144, "verdict" : "unsteady" }
            """;

    @TempDir
    Path dir;

    @Test
    void bothChecksAndTheCpusRoundTrip() throws Exception {
        Path results = dir.resolve("r.json");
        CoreCheck before = CoreCheck.of("2026-11-28T00:00:00Z", "fib(30)", 20, "sched_setaffinity", CpuList.parse("0-1"),
                new double[][] {{6.0, 6.1, 6.05}, {10.5, 10.6, 10.4}});
        CoreCheck after = CoreCheck.of("2026-11-28T00:20:00Z", "fib(30)", 20, "taskset", CpuList.parse("0-1"),
                new double[][] {{6.0, 6.1, 6.05}, {6.2, 6.1, 6.3}});
        Environment env = Sidecar.capture("r.json", "quick", List.of("-f", "1"), dir).withMachine("0-1", before, after);
        Sidecar.write(results, env);
        Environment read = Sidecar.readFor(results).orElseThrow();
        assertEquals(env, read);
        assertEquals(CoreCheck.Verdict.UNEQUAL, read.coreCheckBefore().verdict());
        assertEquals(CoreCheck.Verdict.EQUAL, read.coreCheckAfter().verdict());
        assertEquals("0-1", read.cpus());
        String json = Files.readString(Sidecar.pathFor(results));
        assertTrue(json.indexOf("\"gitDirty\"") < json.indexOf("\"cpus\""), "the new fields come after the old ones");
    }

    @Test
    void anOlderSidecarWithoutChecksStillLoads() throws Exception {
        Path results = dir.resolve("20261127T001932Z-full-all.json");
        Files.writeString(Sidecar.pathFor(results), OLDER);
        Environment env = Sidecar.readFor(results).orElseThrow();
        assertEquals("AMD EPYC", env.cpuModel());
        assertNull(env.cpus());
        assertNull(env.coreCheckBefore());
        assertNull(env.coreCheckAfter());
    }

    @Test
    void aSidecarWithChecksOfTheFirstRuleLoadsWithItsVerdicts() throws Exception {
        Path results = dir.resolve("20261128T103631Z-full-all.json");
        String sidecar = OLDER.strip();
        sidecar = sidecar.substring(0, sidecar.length() - 1) + ", \"cpus\" : null, \"coreCheckBefore\" : " + FIRST_RULE_CHECK
                + ", \"coreCheckAfter\" : " + FIRST_RULE_CHECK + " }";
        Files.writeString(Sidecar.pathFor(results), sidecar);
        Environment env = Sidecar.readFor(results).orElseThrow();
        assertEquals(CoreCheck.Verdict.UNSTEADY, env.coreCheckBefore().verdict(), "recorded, not judged again");
        assertNull(env.coreCheckBefore().iqr());
        assertNull(env.coreCheckAfter().cpus().get(0).drift());
        assertEquals("unsteady before and after", env.coreChecks());
        assertEquals(List.of(5.262, 5.107, 5.842, 5.425, 5.237), env.coreCheckAfter().cpus().get(1).samples());
    }
}
