package dev.concurrencybench.ab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concurrencybench.bench.JarBenchmarkList.Entry;
import dev.concurrencybench.results.BenchMode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowsTest {

    private static final String FIBS = "36,35,34,33,32,31,30,25,20,15,10";
    private static final Entry FIB = new Entry("dev.b.Cpu.fibList", "ss",
            Map.of("model", List.of("SEQUENTIAL", "FIXED_POOL"), "fibs", List.of(FIBS)), 4, null, 4, null, List.of());
    private static final Entry SLEEP = new Entry("dev.b.Io.sleepTasks", "ss",
            Map.of("model", List.of("SEQUENTIAL"), "tasks", List.of("10")), 4, null, 4, null, List.of());
    private static final Entry COUNTER = new Entry("dev.b.Counter.increment", "thrpt", Map.of(), 3, "500ms", 5, "500ms", List.of());

    @Test
    void everyParamCombinationIsARowAndRowsOfOneSideAreAddedOrRemoved() {
        Rows rows = Rows.match(List.of(FIB, SLEEP), List.of(FIB, COUNTER), JmhSelection.parse(List.of()));
        assertEquals(2, rows.common().size());
        assertEquals(List.of("dev.b.Counter.increment"), rows.added().stream().map(k -> k.benchmark()).toList());
        assertEquals(List.of("dev.b.Io.sleepTasks"), rows.removed().stream().map(k -> k.benchmark()).toList());
        assertEquals(BenchMode.THROUGHPUT, rows.added().get(0).mode());
    }

    @Test
    void aRowIsSelectedByItsExactNameModeAndParamsAndACommaValueIsLeftToTheDefault() {
        Row seq = Rows.match(List.of(FIB), List.of(FIB), JmhSelection.parse(List.of("-p", "model=SEQUENTIAL"))).common().get(0);
        assertEquals(List.of("^\\Qdev.b.Cpu.fibList\\E$", "-bm", "ss", "-p", "model=SEQUENTIAL"), seq.selectArgs());
        assertEquals(FIBS, seq.key().params().get("fibs"), "the row still says which list it ran");
    }

    @Test
    void patternsAndExcludesWorkAsInJmh() {
        JmhSelection cpuOnly = JmhSelection.parse(List.of("Cpu", "-e", "Io"));
        assertEquals(2, Rows.match(List.of(FIB, SLEEP), List.of(FIB, SLEEP), cpuOnly).common().size());
        JmhSelection overridden = JmhSelection.parse(List.of("fibList", "-p", "fibs=30,25"));
        List<Row> rows = Rows.match(List.of(FIB), List.of(FIB), overridden).common();
        assertEquals(4, rows.size(), "two models x two lists");
        assertTrue(rows.stream().allMatch(r -> r.selectArgs().contains("-p") && r.defaultParams().isEmpty()));
    }

    @Test
    void aCommaValueThatIsNotTheOnlyDeclaredOneCannotBeSelected() {
        Entry two = new Entry("dev.b.Cpu.fibList", "ss", Map.of("fibs", List.of(FIBS, "30")), 4, null, 4, null, List.of());
        AbException e = assertThrows(AbException.class, () -> Rows.match(List.of(two), List.of(two), JmhSelection.parse(List.of())));
        assertTrue(e.getMessage().contains("holds a comma"), e.getMessage());
    }

    @Test
    void aRowThatRunsOnOneSideOnlyIsListedAsAddedOrRemoved() {
        Rows rows = Rows.match(List.of(FIB, SLEEP), List.of(FIB, SLEEP), JmhSelection.parse(List.of("-p", "model=SEQUENTIAL")));
        Row fib = rows.common().get(0);
        Row sleep = rows.common().get(1);
        Engine.RowOutcome newOnly = new Engine.RowOutcome(fib, new double[0], List.of(), List.of(), List.of(), 2,
                Engine.Status.ONE_SIDED, "failed on base: NoSuchMethodError", "ms/op", Side.NEW);
        Engine.RowOutcome baseOnly = new Engine.RowOutcome(sleep, new double[0], List.of(), List.of(), List.of(), 2,
                Engine.Status.ONE_SIDED, "failed on new: boom", "ms/op", Side.BASE);
        Rows moved = rows.withOneSided(List.of(newOnly));
        assertEquals(List.of(sleep), moved.common());
        assertEquals(List.of(fib.key()), moved.added());
        assertEquals(List.of(), moved.removed());
        assertEquals(List.of(sleep.key()), rows.withOneSided(List.of(baseOnly)).removed());
    }

    @Test
    void partsDealTheRowsInTurnAndTogetherHoldEachRowOnce() {
        Entry five = new Entry("dev.b.Cpu.fibList", "ss", Map.of("model", List.of("A", "B", "C", "D", "E"), "fibs", List.of(FIBS)),
                4, null, 4, null, List.of());
        Rows rows = Rows.match(List.of(five, SLEEP), List.of(five, COUNTER), JmhSelection.parse(List.of()));
        List<Row> all = rows.common();
        assertEquals(5, all.size());
        assertEquals(List.of(all.get(0), all.get(2), all.get(4)), rows.part(Part.parse("1/2")).common());
        assertEquals(List.of(all.get(1), all.get(3)), rows.part(Part.parse("2/2")).common());
        assertEquals(List.of(all.get(2)), rows.part(new Part(3, 3)).common());
        assertEquals(all, rows.part(Part.WHOLE).common());
        assertEquals(all, rows.part(Part.parse(null)).common(), "no --part: every row");
        assertEquals(List.of(), rows.part(new Part(6, 6)).common(), "more parts than rows: the last are empty");
        Rows second = rows.part(new Part(2, 2));
        assertEquals(rows.added(), second.added(), "rows of one side are listed in every part");
        assertEquals(rows.removed(), second.removed());
    }

    @Test
    void jmhArgumentsAreSplitLikeJmhDoes() {
        JmhSelection s = JmhSelection.parse(List.of("A", "-jvmArgs", " -Xmx1g  -Dx=1 ", "-jvmArgsAppend", "-Dy=2", "-wi", "3",
                "-r", "1 s"));
        assertEquals(List.of("A"), s.includes());
        assertEquals(List.of("-Xmx1g", "-Dx=1"), s.jvmArgs());
        assertEquals(List.of("-Dy=2"), s.jvmArgsAppend());
        assertEquals(List.of(), s.passThrough());
        assertEquals(null, JmhSelection.parse(List.of("A")).jvmArgsAppend(), "not given: the declared ones stay");
        assertEquals(List.of("-jvmArgsPrepend", "-Dp=1"), JmhSelection.parse(List.of("-jvmArgsPrepend", "-Dp=1")).passThrough());
        assertEquals(Map.of("-wi", "3", "-r", "1s"), s.iterations());
    }
}
