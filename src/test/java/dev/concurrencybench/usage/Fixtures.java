package dev.concurrencybench.usage;

import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * Captured /proc trees (src/test/resources/.../usage), real files with their numbers set by hand.
 * The JVM 1000 has a worker JVM 1001 (started by its thread 1005), which runs 1002; 999 is not
 * related. In CPU ticks: before, 1000 used 600, 1001 35, 1002 10 (645 in all). After, 1002 ended
 * (12) and 1001 reaped it, then 1001 ended (48 of its own) and 1000 reaped it; 1000 used 650 (710).
 * {@code zombie} is 1001 ended but not yet reaped; {@code reaping} is 1001 being reaped (state X),
 * its times already in 1000's.
 */
final class Fixtures {

    static final long JVM = 1000;
    static final long BEFORE_TICKS = 645;
    static final long AFTER_TICKS = 710;

    private Fixtures() {
    }

    static Path root(String name) {
        try {
            return Path.of(Fixtures.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static ProcFs proc(String name) {
        return new ProcFs(root(name));
    }
}
