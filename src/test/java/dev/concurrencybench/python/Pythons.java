package dev.concurrencybench.python;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/** Interpreters for the tests: the machine's python3, and small shell scripts that stand in for others. */
final class Pythons {

    private Pythons() {
    }

    /** The python3 on this machine's PATH, as the jar would find it; empty without one. */
    static Optional<Path> real() {
        return Interpreters.resolve(Interpreters.DEFAULT, System.getenv("PATH"));
    }

    /** The real python3; the test is skipped, saying why, on a machine without one (CI installs it). */
    static Path requireReal() {
        Optional<Path> python = real();
        assumeTrue(python.isPresent(), "no python3 on the PATH: the tests that run Python need one (.ci/run installs it)");
        return python.get();
    }

    /** An executable shell script {@code dir/name} with {@code body} after the {@code #!/bin/sh} line. */
    static Path script(Path dir, String name, String body) throws IOException {
        Files.createDirectories(dir);
        Path f = dir.resolve(name);
        Files.writeString(f, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
        return f;
    }

    /** A python3 in {@code dir} that is the real one, by a script that runs it. */
    static Path realIn(Path dir, String name) throws IOException {
        return script(dir, name, "exec '" + requireReal() + "' \"$@\"");
    }

    /** A PATH of these folders only. */
    static String path(Path... dirs) {
        StringBuilder s = new StringBuilder();
        for (Path d : dirs) {
            s.append(s.length() == 0 ? "" : File.pathSeparator).append(d);
        }
        return s.toString();
    }
}
