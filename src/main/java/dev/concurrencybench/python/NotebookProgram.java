package dev.concurrencybench.python;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The notebook's Python program (src/main/python), which the build packs into the jar under
 * {@code python/}. Python cannot run it from inside the jar, so it is unpacked into a folder first.
 */
final class NotebookProgram {

    static final String RESOURCES = "python/";
    static final String ENTRY = "notebook.py";

    private NotebookProgram() {
    }

    /** Unpacks the program from the jar (or class folder) this class came from into {@code dir}; returns its entry script. */
    static Path unpackInto(Path dir) throws IOException {
        Path from;
        try {
            from = Path.of(NotebookProgram.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException("cannot tell where the jar is: " + e.getMessage(), e);
        }
        if (Files.isDirectory(from)) {
            Path root = from.resolve(RESOURCES);
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    copy(Files.newInputStream(f), dir, root.relativize(f).toString());
                }
            }
        } else {
            try (ZipFile zip = new ZipFile(from.toFile())) {
                for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                    ZipEntry entry = e.nextElement();
                    if (entry.getName().startsWith(RESOURCES) && !entry.isDirectory()) {
                        copy(zip.getInputStream(entry), dir, entry.getName().substring(RESOURCES.length()));
                    }
                }
            }
        }
        Path entry = dir.resolve(ENTRY);
        if (!Files.isRegularFile(entry)) {
            throw new IOException("the notebook's Python program is not in " + from + " (was it built with mvn package?)");
        }
        return entry;
    }

    private static void copy(InputStream in, Path dir, String relative) throws IOException {
        Path target = dir.resolve(relative).normalize();
        if (!target.startsWith(dir)) {
            in.close();
            throw new IOException("the jar names a file outside the program's folder: " + relative);
        }
        Files.createDirectories(target.getParent());
        try (in) {
            Files.copy(in, target);
        }
    }
}
