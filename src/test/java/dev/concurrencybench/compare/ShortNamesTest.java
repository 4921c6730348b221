package dev.concurrencybench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concurrencybench.results.BenchMode;
import dev.concurrencybench.results.BenchmarkResult.RowKey;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShortNamesTest {

    private static final String FIBS = "36,35,34,33,32,31,30,25,20,15,10";

    private static RowKey key(String method, BenchMode mode, Map<String, String> params) {
        return new RowKey("dev.concurrencybench.bench." + method, mode, params);
    }

    private static RowKey fib(String model) {
        return key("CpuBoundBenchmark.fibList", BenchMode.SINGLE_SHOT_TIME, Map.of("fibs", FIBS, "model", model));
    }

    private static List<String> names(List<RowKey> keys, int width) {
        ShortNames n = ShortNames.fit(keys, width);
        return keys.stream().map(n::name).toList();
    }

    @Test
    void aNameThatFitsKeepsEveryParamAndDropsOnlyThePackage() {
        List<RowKey> keys = List.of(fib("SEQUENTIAL"), fib("FIXED_POOL"));
        ShortNames n = ShortNames.fit(keys, 120);
        assertEquals("CpuBoundBenchmark.fibList fibs=" + FIBS + " model=SEQUENTIAL", n.name(keys.get(0)));
        assertEquals(List.of(), n.leftOut());
        assertEquals(List.of(), n.valuesOnly());
    }

    @Test
    void eachStepIsTakenOnlyWhenTheOneBeforeDoesNotFit() {
        List<RowKey> keys = List.of(fib("SEQUENTIAL"), fib("VIRTUAL_THREADS"));
        assertEquals(List.of("CpuBoundBenchmark.fibList fibs=36,…,10 model=SEQUENTIAL",
                "CpuBoundBenchmark.fibList fibs=36,…,10 model=VIRTUAL_THREADS"), names(keys, 60), "a long list cut to its ends");

        ShortNames left = ShortNames.fit(keys, 50);
        assertEquals("CpuBoundBenchmark.fibList model=VIRTUAL_THREADS", left.name(keys.get(1)), "the param all rows share left out");
        assertEquals(List.of("CpuBoundBenchmark fibs=" + FIBS), left.leftOut(), "and said once, in full");

        ShortNames values = ShortNames.fit(keys, 42);
        assertEquals("CpuBoundBenchmark.fibList VIRTUAL_THREADS", values.name(keys.get(1)));
        assertEquals(List.of("CpuBoundBenchmark.fibList model"), values.valuesOnly(), "whose values are shown bare");

        List<String> cut = names(keys, 30);
        for (int i = 0; i < cut.size(); i++) {
            String s = cut.get(i);
            assertTrue(s.length() <= 30 && s.startsWith("CpuBound") && s.contains("…"), s);
            assertTrue(s.endsWith(List.of(" SEQUENTIAL", "VIRTUAL_THREADS").get(i)), "cut in the middle, the values kept: " + s);
        }
    }

    @Test
    void theRowsOfAClassReadAlikeAndTheModeShowsOnlyWhereItTellsRowsApart() {
        RowKey gather = key("AsyncBenchmark.gatherAll", BenchMode.SINGLE_SHOT_TIME, Map.of("sleepMs", "100", "tasks", "5"));
        RowKey blocking = key("AsyncBenchmark.blockingSleepInEventLoop", BenchMode.SINGLE_SHOT_TIME,
                Map.of("sleepMs", "100", "tasks", "5"));
        assertEquals(List.of("AsyncBenchmark.gatherAll", "AsyncBenchmark.blockingSleepInEventLoop"), names(List.of(gather, blocking), 50),
                "gatherAll's params would fit, but its class's rows drop them together");

        RowKey avgt = key("B.m", BenchMode.AVERAGE_TIME, Map.of("n", "1"));
        RowKey thrpt = key("B.m", BenchMode.THROUGHPUT, Map.of("n", "1"));
        RowKey other = key("B.other", BenchMode.THROUGHPUT, Map.of("n", "2"));
        assertEquals(List.of("B.m avgt n=1", "B.m thrpt n=1", "B.other n=2"), names(List.of(avgt, thrpt, other), 40));
    }

    @Test
    void wrapKeepsEveryLineWithinTheWidthAndLosesNoWord() {
        String sentence = "word ".repeat(70).strip();
        String table = "x".repeat(TextTable.WIDTH);
        String longWord = "y".repeat(250);
        String wrapped = TextTable.wrap(table + "\n" + sentence + "\n" + longWord + "\n");
        List<String> lines = wrapped.lines().toList();
        lines.forEach(l -> assertTrue(l.length() <= TextTable.WIDTH, l.length() + ": " + l));
        assertEquals(table, lines.get(0), "a line that fits stays as it is");
        List<String> words = lines.stream().filter(l -> l.contains("word")).toList();
        assertTrue(words.size() >= 3 && words.stream().skip(1).allMatch(l -> l.startsWith("  word")), "went on indented:\n" + wrapped);
        assertEquals(sentence, String.join("\n", words).replace("\n  ", " "), "broken at spaces, no word lost");
        assertEquals(longWord, lines.stream().filter(l -> l.contains("y")).map(String::strip).reduce("", String::concat),
                "a word longer than a line is cut");
        assertTrue(wrapped.endsWith("\n"));
    }
}
