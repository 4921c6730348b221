package dev.concurrencybench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concurrencybench.model.ExecutionModel;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class IdealsTest {

    /** Counts the calls naive fib makes, the slow way, to check the closed form. */
    private static long countCalls(int n) {
        return n < 2 ? 1 : 1 + countCalls(n - 1) + countCalls(n - 2);
    }

    @Test
    void fibCallsMatchesCountingTheRecursion() {
        for (int n = 0; n <= 22; n++) {
            assertEquals(BigInteger.valueOf(countCalls(n)), Ideals.fibCalls(n), "n=" + n);
        }
        assertEquals(BigInteger.valueOf(177), Ideals.fibCalls(10));
    }

    @Test
    void longestTaskOfTheDefaultListIsTwoFifthsOfTheWork() {
        List<Integer> list = Ideals.parseFibs(Fixtures.FIBS);
        double share = Ideals.longestShare(list);
        BigInteger total = list.stream().map(Ideals::fibCalls).reduce(BigInteger.ZERO, BigInteger::add);
        assertEquals(Ideals.fibCalls(36).doubleValue() / total.doubleValue(), share, 1e-12);
        assertTrue(share > 0.39 && share < 0.40, "share " + share);
        assertEquals(1.0, Ideals.longestShare(List.of(30)), 1e-12);
    }

    @Test
    void fibListIdealIsSequentialOverCoresUntilTheLongestTaskBinds() {
        List<Integer> list = Ideals.parseFibs(Fixtures.FIBS);
        double share = Ideals.longestShare(list);
        assertEquals(300, Ideals.fibList(600, list, 2), 1e-9);
        // Three cores would allow 200 ms, but fib(36) alone takes 0.39 x 600.
        assertEquals(600 * share, Ideals.fibList(600, list, 3), 1e-9);
        assertEquals(600, Ideals.fibList(600, list, 1), 1e-9);
        assertEquals(200, Ideals.fibSplit(600, 3), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> Ideals.fibList(600, list, 0));
    }

    @Test
    void onMeasuredCoresTheCapacityTakesThePlaceOfTheCoreCount() {
        List<Integer> list = Ideals.parseFibs(Fixtures.FIBS);
        double share = Ideals.longestShare(list);
        assertEquals(Ideals.fibList(600, list, 2), Ideals.fibListOn(600, list, 2.0), 1e-12);
        assertEquals(600 / 1.57, Ideals.fibListOn(600, list, 1.57), 1e-9);
        // Never better than the longest task on the fastest CPU.
        assertEquals(600 * share, Ideals.fibListOn(600, list, 3.5), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> Ideals.fibListOn(600, list, 0));
        assertThrows(IllegalArgumentException.class, () -> Ideals.fibListOn(600, list, Double.NaN));
    }

    @Test
    void coresUsedIsWhatTheModelAndTheWorkAllow() {
        List<Integer> list = Ideals.parseFibs(Fixtures.FIBS);
        assertEquals(1, Ideals.cpusUsable(ExecutionModel.SEQUENTIAL, list, 4));
        assertEquals(4, Ideals.cpusUsable(ExecutionModel.FIXED_POOL, list, 4));
        assertEquals(2, Ideals.cpusUsable(ExecutionModel.PLATFORM_THREADS, List.of(30, 30), 4));
        assertEquals(2, Ideals.coresUsed(list, 2), 1e-12);
        assertEquals(1 / Ideals.longestShare(list), Ideals.coresUsed(list, 4), 1e-12);
        assertEquals(1, Ideals.coresUsed(List.of(36), 4), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Ideals.coresUsed(list, 0));
    }

    @Test
    void parseFibsAcceptsWhatTheBenchmarkAcceptsAndNothingElse() {
        assertEquals(List.of(36, 35, 10), Ideals.parseFibs("36/35/10"));
        assertEquals(List.of(36, 35), Ideals.parseFibs("36 35"));
        assertNull(Ideals.parseFibs("36,x"));
        assertNull(Ideals.parseFibs("93"));
        assertNull(Ideals.parseFibs(""));
        assertNull(Ideals.parseFibs(null));
    }

    @ParameterizedTest
    @CsvSource({
        // tasks, sleepMs, inFlight, ideal
        "10, 100, 10, 100",
        "10, 100, 2, 500",
        "3, 100, 2, 200",
        "10, 100, 1, 1000",
        "1, 50, 8, 50",
    })
    void sleepIdealIsRoundsTimesTheSleep(int tasks, double sleepMs, int inFlight, double ideal) {
        assertEquals(ideal, Ideals.sleeps(tasks, sleepMs, inFlight), 1e-9);
    }

    @ParameterizedTest
    @CsvSource({
        "SEQUENTIAL, 1000",
        "PLATFORM_THREADS, 100",
        "FIXED_POOL, 500",
        "CACHED_POOL, 100",
        "FORK_JOIN, 500",
        "FORK_JOIN_MANAGED, 100",
        "VIRTUAL_THREADS, 100",
        "COMPLETABLE_FUTURE, 500",
        "NON_BLOCKING_ASYNC, 100",
        "PROCESS_POOL, 500",
        "PROCESS_PER_TASK, 100",
    })
    void sleepIdealPerModelOnTwoCores(ExecutionModel model, double ideal) {
        assertEquals(ideal, Ideals.sleeps(model, 10, 100, 2), 1e-9);
    }

    /** Every model runs between one task and all of them at once, and a pool is bounded by the cores. */
    @ParameterizedTest
    @EnumSource(ExecutionModel.class)
    void everyModelsInFlightCountIsWithinItsBounds(ExecutionModel model) {
        int inFlight = ModelLimit.of(model).inFlight(100, 4);
        assertTrue(inFlight >= 1 && inFlight <= 100, model + ": " + inFlight);
        assertEquals(1, ModelLimit.of(model).inFlight(1, 4), model + " with one task");
    }

    @Test
    void fibListIdealPerModelFollowsHowManyTasksItRunsAtOnce() {
        List<Integer> list = Ideals.parseFibs(Fixtures.FIBS);
        assertEquals(600, Ideals.fibList(ExecutionModel.SEQUENTIAL, 600, list, 2), 1e-9);
        assertEquals(300, Ideals.fibList(ExecutionModel.FIXED_POOL, 600, list, 2), 1e-9);
        // A thread per task still has only the cores to run on.
        assertEquals(300, Ideals.fibList(ExecutionModel.PLATFORM_THREADS, 600, list, 2), 1e-9);
        assertEquals(600 * Ideals.longestShare(list), Ideals.fibList(ExecutionModel.PROCESS_PER_TASK, 600, list, 16), 1e-9);
    }

    @ParameterizedTest
    @CsvSource({
        "ms/op, 100",
        "us/op, 100000",
        "ns/op, 100000000",
        "s/op, 0.1",
        "ops/s, 10",
        "ops/ms, 0.01",
    })
    void idealsConvertToTheRowsUnitAndBack(String unit, double expected) {
        assertEquals(expected, Units.fromMillis(100, unit), expected * 1e-12);
        assertEquals(100, Units.toMillis(expected, unit), 1e-9);
    }

    @Test
    void unknownUnitsAndBadValuesGiveNaN() {
        assertTrue(Double.isNaN(Units.fromMillis(100, "MB/sec")));
        assertTrue(Double.isNaN(Units.fromMillis(Double.NaN, "ms/op")));
        assertTrue(Double.isNaN(Units.toMillis(0, "ops/s")));
        assertTrue(Double.isNaN(Units.toMillis(5, null)));
    }
}
