package dev.concurrencybench.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class UtilTest {

    @Test
    void anEnumIsParsedByExactNameAndAnUnknownNameListsTheValidOnes() {
        assertEquals(TimeUnit.SECONDS, Enums.parse(TimeUnit.class, "unit", " SECONDS "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Enums.parse(TimeUnit.class, "unit", "seconds"));
        assertEquals("unknown unit 'seconds'; valid: NANOSECONDS, MICROSECONDS, MILLISECONDS, SECONDS, MINUTES, HOURS, DAYS",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Enums.parse(TimeUnit.class, "unit", null));
        assertThrows(IllegalArgumentException.class, () -> Enums.parse(String.class, "text", "x"));
        assertEquals(List.of("NANOSECONDS", "MICROSECONDS", "MILLISECONDS", "SECONDS", "MINUTES", "HOURS", "DAYS"),
                Enums.names(TimeUnit.class));
    }

    @Test
    void aTempDirIsRemovedWithEverythingInIt() throws Exception {
        Path dir = TempDirs.create("util-test-");
        Files.createDirectories(dir.resolve("a/b"));
        Files.writeString(dir.resolve("a/b/file"), "x");
        Files.writeString(dir.resolve("top"), "y");
        TempDirs.delete(dir);
        assertFalse(Files.exists(dir));
        TempDirs.delete(dir); // gone already: nothing to do
        TempDirs.delete(null);
    }

    @Test
    void positiveNamesTheValue() {
        assertEquals(3, Checks.positive("tasks", 3));
        assertEquals("tasks must be > 0, got 0", assertThrows(IllegalArgumentException.class, () -> Checks.positive("tasks", 0)).getMessage());
    }
}
