package dev.concurrencybench.counter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The private temp dir of one scenario: made at run time, removed with everything in it. */
final class TempDirs {

    /**
     * Every counter dir of this JVM starts with this (the PID keeps another build's or run's dirs
     * on the same machine apart), so tests can check none is left behind.
     */
    static final String PREFIX = "concurrency-bench-counter-" + ProcessHandle.current().pid() + "-";

    private TempDirs() {
    }

    static Path create() throws IOException {
        return Files.createTempDirectory(PREFIX);
    }

    static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> all = walk.sorted(Comparator.reverseOrder()).toList();
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove " + dir, e);
        }
    }
}
