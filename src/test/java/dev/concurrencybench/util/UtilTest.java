package dev.concurrencybench.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

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
    void anAtomicWriteReplacesTheFileWholeAndLeavesNothingElse(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("results.json");
        AtomicFiles.write(f, "[1]".getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(f, "[1, 2]".getBytes(StandardCharsets.UTF_8));
        assertEquals("[1, 2]", Files.readString(f));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(f), files.toList());
        }
        Path missing = dir.resolve("no-such-folder").resolve("x.json");
        assertThrows(IOException.class, () -> AtomicFiles.write(missing, new byte[1]));
        assertFalse(Files.exists(missing.getParent()));
    }

    @Test
    void aFilesDigestIsItsSha256InHex(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("a.jar");
        Files.writeString(f, "abc");
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Checksums.sha256(f));
    }

    @Test
    void positiveNamesTheValue() {
        assertEquals(3, Checks.positive("tasks", 3));
        assertEquals("tasks must be > 0, got 0", assertThrows(IllegalArgumentException.class, () -> Checks.positive("tasks", 0)).getMessage());
    }

    @CommandLine.Command(name = "demo")
    static final class Demo implements Callable<Integer> {
        @CommandLine.Option(names = "--fail")
        String fail;

        @Override
        public Integer call() {
            switch (fail == null ? "" : fail) {
                case "expected" -> throw new IllegalArgumentException("a message fit for a user\nand a second line");
                case "null" -> throw new IllegalArgumentException();
                case "unexpected" -> throw new IllegalStateException("broken");
                default -> {
                    return 0;
                }
            }
        }
    }

    private static String[] runDemo(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CommandLines.run(new CommandLine(new Demo()), new PrintWriter(out), new PrintWriter(err),
                e -> e instanceof IllegalArgumentException, args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void aSubcommandFailsWithOneLineNamedAfterItAndExitTwo() {
        assertEquals(List.of("0", "", ""), List.of(runDemo()));
        assertEquals(List.of("2", "", "demo: Unknown option: '--frobnicate' (see demo --help)\n"),
                List.of(runDemo("--frobnicate")).stream().map(s -> s.replace("\r\n", "\n")).toList());
        assertEquals("demo: a message fit for a user", runDemo("--fail", "expected")[2].strip());
        assertEquals("demo: IllegalArgumentException", runDemo("--fail", "null")[2].strip());
        assertEquals("demo: IllegalStateException: broken", runDemo("--fail", "unexpected")[2].strip());
        assertEquals("2", runDemo("--fail", "unexpected")[0]);
    }
}
