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
}
