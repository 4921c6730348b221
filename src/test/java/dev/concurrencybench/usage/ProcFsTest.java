package dev.concurrencybench.usage;

import static dev.concurrencybench.usage.Fixtures.JVM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcFsTest {

    @Test
    void statFieldsAreCountedFromTheLastParenthesis() {
        ProcStat s = Fixtures.proc("before").stat(1002).orElseThrow();
        assertEquals(new ProcStat(1002, 'R', 1001, 10, 0, 1), s, "the command name 'we ird) (x' holds both parentheses");
        ProcStat jvm = Fixtures.proc("after").stat(JVM).orElseThrow();
        assertEquals(540 + 110, jvm.ownTicks());
        assertEquals(52 + 8, jvm.childTicks());
        assertEquals(20, jvm.threads());
    }

    @Test
    void statusGivesThreadsAndResidentMemoryAndAZombieHasNone() {
        assertEquals(new ProcStatus(20, 300_000), Fixtures.proc("before").status(JVM).orElseThrow());
        assertEquals(new ProcStatus(1, 0), Fixtures.proc("zombie").status(1001).orElseThrow());
    }

    @Test
    void garbageIsAOneLineError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProcStat.parse("hello"));
        assertEquals("not a /proc stat line: hello", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ProcStat.parse("1 (x) S 0 1 2"));
        assertTrue(e.getMessage().startsWith("too few fields"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ProcStatus.parse("Name:\tjava\n"));
    }

    @Test
    void descendantsComeParentsFirstAndOnlyFromThisTree() {
        ProcFs proc = Fixtures.proc("before");
        assertEquals(List.of(1001L, 1002L), proc.descendants(JVM));
        assertEquals(List.of(1002L), proc.descendants(1001));
        assertEquals(List.of(), Fixtures.proc("after").descendants(JVM));
        assertEquals(List.of(), proc.descendants(4242), "a process that is gone has no descendants");
        assertEquals(List.of(1001L), proc.children(JVM, 20));
        assertEquals(List.of(1001L), proc.children(JVM, 10_000), "with that many threads, by every process's parent");
    }

    @Test
    void withoutChildrenFilesTheTreeComesFromEveryProcesssParent(@TempDir Path dir) throws IOException {
        copy(Fixtures.root("before"), dir);
        try (Stream<Path> tasks = Files.walk(dir)) {
            for (Path p : tasks.filter(p -> p.getFileName().toString().equals("task")).toList()) {
                delete(p, true);
            }
        }
        assertEquals(List.of(1001L, 1002L), new ProcFs(dir).descendants(JVM));
        assertEquals(List.of(1001L), new ProcFs(dir).children(JVM, 20));
    }

    @Test
    void aFolderWithoutThisProcessIsNotAProcRoot(@TempDir Path empty) {
        assertFalse(new ProcFs(empty).covers(JVM));
        assertTrue(Fixtures.proc("before").covers(JVM));
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    /** Deletes what {@code dir} holds, and {@code dir} itself if {@code itself}. */
    static void delete(Path dir, boolean itself) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                if (itself || !p.equals(dir)) {
                    Files.delete(p);
                }
            }
        }
    }
}
