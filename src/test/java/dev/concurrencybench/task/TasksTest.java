package dev.concurrencybench.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TasksTest {

    @Test
    void fibValuesAreKnownValues() {
        assertEquals(0, new Fib(0).run());
        assertEquals(1, new Fib(1).run());
        assertEquals(55, new Fib(10).run());
        assertEquals(6765, new Fib(20).run());
        assertEquals(75025, new Fib(25).run());
        assertEquals(92, new Fib(92).n(), "fib(92) is the largest that fits a long, so 92 is accepted");
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 93, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void fibOutsideTheLongRangeIsRejected(int n) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Fib(n));
        assertTrue(e.getMessage().contains("0..92"), e.getMessage());
    }

    @Test
    void negativeSleepIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Sleep.ofMillis(-1));
        assertThrows(IllegalArgumentException.class, () -> new Sleep(Duration.ofMillis(-5)));
        assertThrows(IllegalArgumentException.class, () -> Tasks.sleeps(3, -1));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, -100})
    void nonPositiveTaskCountIsRejected(int n) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tasks.sleeps(n, 10));
        assertTrue(e.getMessage().startsWith("tasks must be > 0"), e.getMessage());
    }

    @Test
    void fibListParsesEverySeparatorJmhLetsThrough() {
        List<Task> expected = List.of(new Fib(36), new Fib(35), new Fib(10));
        assertEquals(expected, Tasks.fibs("36,35,10"));
        assertEquals(expected, Tasks.fibs("36/35/10"));
        assertEquals(expected, Tasks.fibs(" 36 35  10 "));
        assertEquals(11, Tasks.fibs(Tasks.DEFAULT_FIBS).size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "36,x", "36,93", "-1", "3.5"})
    void badFibListsAreRejected(String csv) {
        assertThrows(IllegalArgumentException.class, () -> Tasks.fibs(csv));
    }

    @Test
    void wireFormRoundTrips() {
        for (WireTask t : List.of(new Fib(0), new Fib(92), Sleep.ofMillis(0), Sleep.ofMillis(100))) {
            assertEquals(t, WireTask.parse(t.wire()));
        }
        assertEquals(new Fib(7), WireTask.parse("  FIB   7 "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "fib", "fib 1 2", "fib x", "sleep -3", "nap 4", "fib 99"})
    void malformedWireLinesNameTheLine(String line) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WireTask.parse(line));
        assertTrue(line.isBlank() || e.getMessage().contains(line.strip().split("\\s+")[0]) || e.getMessage().contains("fib"),
                e.getMessage());
    }

    @Test
    void sleepReturnsItsDurationAndSumAddsValues() throws Exception {
        assertEquals(3, Sleep.ofMillis(3).run());
        TaskResult a = TaskResult.here(4);
        TaskResult b = TaskResult.here(5);
        assertEquals(9, Tasks.sum(List.of(a, b)));
        assertEquals(ProcessHandle.current().pid(), a.pid());
        assertEquals(Thread.currentThread().getName(), a.thread());
    }
}
