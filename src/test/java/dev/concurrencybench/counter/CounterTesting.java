package dev.concurrencybench.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Shared helpers for the counter tests: which variants are which, and no leftover temp dirs. */
final class CounterTesting {

    static final int WORKERS = 8;
    static final int INCREMENTS = 1000;

    private CounterTesting() {
    }

    static Stream<CounterVariant> exactIn(Across across) {
        return Stream.of(CounterVariant.values()).filter(v -> v.exactIn(across));
    }

    /** Our temp dirs that exist now under java.io.tmpdir. */
    static List<Path> counterDirs() throws IOException {
        try (Stream<Path> list = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return list.filter(p -> p.getFileName().toString().startsWith(CounterScenario.DIR_PREFIX)).toList();
        }
    }

    /** The scenario's dir is gone and no new counter dir is left. */
    static void assertNoTempFiles(Path dir, List<Path> before) throws IOException {
        assertFalse(Files.exists(dir), "temp dir left behind: " + dir);
        assertEquals(before, counterDirs(), "counter temp dirs left behind");
    }
}
