package dev.concurrencybench.machine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CpuListTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "0;         0;       0",
        "0-3;       0-3;     0 1 2 3",
        "0,2;       0,2;     0 2",
        "0-1,3;     0-1,3;   0 1 3",
        "3,0-1;     0-1,3;   0 1 3",
        "0,1,2,5;   0-2,5;   0 1 2 5",
        "1-1;       1;       1",
        "0-2,1-3;   0-3;     0 1 2 3",
        "' 4 , 6 '; 4,6;     4 6"})
    void parsesLinuxCpuListsAndPrintsTheShortestForm(String text, String canonical, String cpus) {
        CpuList list = CpuList.parse(text);
        assertEquals(canonical, list.toString());
        assertEquals(Arrays.stream(cpus.split(" ")).map(Integer::valueOf).toList(), list.cpus());
        assertEquals(list, CpuList.parse(list.toString()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "a", "0,", ",0", "0,,1", "-1", "1-", "0-1-2", "0x1", "1.5", "3-1", "70000", "0-99999", "0:2"})
    void rejectsWhatIsNotACpuListWithOneLine(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CpuList.parse(text));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @Test
    void messagesSayWhatIsWrong() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CpuList.parse("3-1")).getMessage().contains("runs backwards"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CpuList.parse("x")).getMessage().contains("0-1,3"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CpuList.parse("70000")).getMessage().contains("at most 65535"));
    }

    @Test
    void comparesAndMasks() {
        CpuList all = CpuList.parse("0-3");
        assertTrue(all.containsAll(CpuList.parse("1,3")));
        assertFalse(all.containsAll(CpuList.parse("3-4")));
        assertEquals(4, all.firstMissing(CpuList.parse("3-5")));
        assertEquals(-1, all.firstMissing(CpuList.of(0)));
        assertEquals(CpuList.parse("0-2"), CpuList.firstN(3));
        assertArrayEquals(new long[] {0b1011, 0}, CpuList.parse("0-1,3").mask(2));
        long[] wide = CpuList.parse("1,64,130").mask(1);
        assertArrayEquals(new long[] {2, 1, 4}, wide);
        assertThrows(IllegalArgumentException.class, () -> new CpuList(List.of()));
        assertThrows(IllegalArgumentException.class, () -> new CpuList(List.of(2, 1)));
    }
}
