package dev.concurrencybench.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed ab runs with a known step that {@code .ci/run} feeds to {@code history} through the jar
 * are exactly what {@link AbRuns#stepSeries} writes. To write them again after changing it:
 * {@code mvn -o test -Dtest=StepRunsFixtureTest -Dhistory.fixtures.write=true}.
 */
class StepRunsFixtureTest {

    static final Path COMMITTED = Path.of("src/test/resources/dev/concurrencybench/history/step-runs");

    @Test
    void theCommittedRunsAreWhatTheBuilderWrites(@TempDir Path dir) throws IOException {
        if (Boolean.getBoolean("history.fixtures.write")) {
            AbRuns.stepSeries(COMMITTED, 8);
        }
        AbRuns.stepSeries(dir, 8);
        assertEquals(files(dir), files(COMMITTED));
        for (Path f : files(dir)) {
            assertEquals(Files.readString(dir.resolve(f)), Files.readString(COMMITTED.resolve(f)), f.toString());
        }
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
