package dev.concurrencybench.ab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.concurrencybench.results.BenchmarkResult;
import dev.concurrencybench.results.JmhJson;
import java.util.List;
import org.junit.jupiter.api.Test;

class MergedResultsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One fork as JMH 1.37 writes it (trimmed to the fields that matter), with a secondary metric. */
    private static JsonNode fork(int warmups, double... values) throws Exception {
        StringBuilder raw = new StringBuilder();
        for (double v : values) {
            raw.append(raw.isEmpty() ? "" : ",").append(v);
        }
        return MAPPER.readTree("""
                {"jmhVersion":"1.37","benchmark":"dev.b.Cpu.fibList","mode":"ss","threads":1,"forks":1,
                 "jvm":"/jdk/bin/java","jvmArgs":["-Xmx2g"],"jdkVersion":"25","vmName":"OpenJDK","vmVersion":"25",
                 "warmupIterations":%d,"warmupTime":"single-shot","measurementIterations":%d,"measurementTime":"single-shot",
                 "params":{"model":"SEQUENTIAL"},
                 "primaryMetric":{"score":1,"scoreError":"NaN","scoreConfidence":[1,1],"scorePercentiles":{},
                   "scoreUnit":"ms/op","rawData":[[%s]]},
                 "secondaryMetrics":{"gc.count":{"score":1,"scoreError":"NaN","scoreUnit":"counts","rawData":[[1]]}}}
                """.formatted(warmups, values.length, raw));
    }

    @Test
    void forksOfOneRowBecomeOneRowWithEveryForkAndTheLastSettings() throws Exception {
        ObjectNode merged = MergedResults.merge(List.of(fork(2, 100, 110), fork(4, 120, 130, 140)));
        assertEquals(2, merged.get("forks").asInt());
        assertEquals(4, merged.get("warmupIterations").asInt());
        assertEquals("[[100.0,110.0],[120.0,130.0,140.0]]", merged.at("/primaryMetric/rawData").toString());
        assertEquals(120.0, merged.at("/primaryMetric/score").asDouble(), 1e-12);
        assertEquals(140.0, merged.at("/primaryMetric/scorePercentiles/100.0").asDouble(), 1e-12);
        assertEquals(2, merged.at("/secondaryMetrics/gc.count/rawData").size());
        List<BenchmarkResult> read = JmhJson.parse("merged", "[" + merged + "]");
        assertEquals(2, read.get(0).primary().forkCount());
    }
}
