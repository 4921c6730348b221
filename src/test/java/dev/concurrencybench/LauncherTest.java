package dev.concurrencybench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's JDK discovery, on fake JDK folders (a release file and an executable bin/java). */
class LauncherTest {

    @TempDir
    Path root;

    private Path fakeJdk(String name, String javaVersion) throws IOException {
        Path home = Files.createDirectories(root.resolve(name));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + javaVersion + "\"\n");
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    @Test
    void picksTheNewestJdkOfAtLeast21() throws IOException {
        fakeJdk("jdk-17", "17.0.15");
        fakeJdk("jdk-21", "21.0.5");
        Path newest = fakeJdk("jdk-25", "25.0.3");
        fakeJdk("jdk-8", "1.8.0_402");
        Optional<Launcher.Jdk> jdk = Launcher.findJdk(null, List.of(root));
        assertTrue(jdk.isPresent());
        assertEquals(25, jdk.get().feature);
        assertEquals(newest.toRealPath(), jdk.get().home);
    }

    @Test
    void prefersJavaHomeWhenItIsNewEnough() throws IOException {
        Path jdk21 = fakeJdk("jdk-21", "21.0.5");
        fakeJdk("jdk-25", "25.0.3");
        assertEquals(21, Launcher.findJdk(jdk21.toString(), List.of(root)).orElseThrow().feature);
        Path jdk17 = fakeJdk("jdk-17", "17.0.15");
        assertEquals(25, Launcher.findJdk(jdk17.toString(), List.of(root)).orElseThrow().feature,
                "a JAVA_HOME that is too old is passed over");
    }

    @Test
    void findsNothingWhenOnlyOldOrBrokenJdksExist() throws IOException {
        fakeJdk("jdk-17", "17.0.15");
        Files.createDirectories(root.resolve("not-a-jdk"));
        Path noJava = Files.createDirectories(root.resolve("no-java"));
        Files.writeString(noJava.resolve("release"), "JAVA_VERSION=\"25\"\n");
        assertTrue(Launcher.findJdk(null, List.of(root, root.resolve("missing"))).isEmpty());
    }
}
