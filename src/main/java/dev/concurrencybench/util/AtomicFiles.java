package dev.concurrencybench.util;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/** Files written whole or not at all: a reader, or a run interrupted mid-write, never sees half a file. */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /**
     * Writes {@code bytes} to a new file beside {@code target} (named {@code .<target>.<random>.tmp}, with the
     * permissions any new file gets), then renames it over {@code target} in one step.
     */
    public static void write(Path target, byte[] bytes) throws IOException {
        Path tmp = target.toAbsolutePath().resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.write(tmp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
