package dev.concurrencybench.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class UsageOptionsTest {

    @Test
    void blankIsTheDefaults() {
        assertEquals(UsageOptions.DEFAULTS, UsageOptions.parse(""));
        assertEquals(UsageOptions.DEFAULTS, UsageOptions.parse(null));
        assertEquals(new UsageOptions(Path.of("/proc"), Duration.ofMillis(10), false), UsageOptions.DEFAULTS);
    }

    @Test
    void optionsAreSemicolonSeparatedPairs() {
        assertEquals(new UsageOptions(Path.of("/srv/proc-copy"), Duration.ofMillis(5), false), UsageOptions.parse("proc=/srv/proc-copy;periodMs=5"));
        assertEquals(new UsageOptions(Path.of("/proc"), Duration.ofMillis(10), true), UsageOptions.parse("off"));
        assertEquals(UsageOptions.DEFAULTS, UsageOptions.parse("off=false;"));
    }

    @Test
    void badOptionsAreOneLineErrors() {
        assertEquals("unknown option 'period'; valid: off, periodMs, proc (e.g. periodMs=10;proc=/proc)",
                assertThrows(IllegalArgumentException.class, () -> UsageOptions.parse("period=5")).getMessage());
        assertEquals("periodMs must be a whole number of milliseconds above 0, not '0'",
                assertThrows(IllegalArgumentException.class, () -> UsageOptions.parse("periodMs=0")).getMessage());
        assertEquals("proc needs a value, e.g. proc=/proc",
                assertThrows(IllegalArgumentException.class, () -> UsageOptions.parse("proc=")).getMessage());
        assertEquals("off is true or false, not 'yes'",
                assertThrows(IllegalArgumentException.class, () -> UsageOptions.parse("off=yes")).getMessage());
    }
}
