package dev.concurrencybench.ab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concurrencybench.compare.Comparison;
import dev.concurrencybench.compare.Format;
import dev.concurrencybench.compare.RowComparison;
import dev.concurrencybench.results.BenchMode;
import dev.concurrencybench.results.BenchmarkResult.RowKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** ab's text output on synthetic outcomes with the suite's long names: one line a row, within 120 columns. */
class AbTextTest {

    private static final Comparison.Design DESIGN = new Comparison.Design("Same-machine A/B (ab)",
            "paired forks, 10% trimmed mean, alpha 0.05 Holm-Bonferroni, min effect 5%; 412 pairs in 6 rounds, took 14m58s",
            Map.of());
    private static final String PACKAGE = "dev.concurrencybench.bench.";
    private static final List<String> MODELS = List.of("SEQUENTIAL", "PLATFORM_THREADS", "FIXED_POOL", "CACHED_POOL",
            "FORK_JOIN", "FORK_JOIN_MANAGED", "VIRTUAL_THREADS", "COMPLETABLE_FUTURE", "NON_BLOCKING_ASYNC", "PROCESS_PER_TASK");

    private static Row row(String benchmark, BenchMode mode, Map<String, String> params) {
        return new Row(new RowKey(PACKAGE + benchmark, mode, params), Set.of(), 4, null, 4, null);
    }

    /** {@code n} pairs around a time-like log ratio {@code centre}, as in AbReportTest. */
    private static Engine.RowOutcome outcome(Row row, int n, double centre, double sd, Random r) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = centre + sd * r.nextGaussian();
        }
        Engine.Status status = n < 4 ? Engine.Status.OUT_OF_REACH : Engine.Status.DONE;
        return AbFixtures.outcome(row, d, status, row.mode().higherIsBetter() ? "ops/s" : "ms/op");
    }

    /** The suite's longest names: the fib list, the scaling rows, the counters; a failure, added and removed rows. */
    private static Comparison suite(boolean control) {
        Random r = new Random(16);
        List<Engine.RowOutcome> rows = new ArrayList<>();
        String fibs = "36,35,34,33,32,31,30,25,20,15,10";
        for (String model : MODELS) {
            rows.add(outcome(row("CpuBoundBenchmark.fibList", BenchMode.SINGLE_SHOT_TIME, Map.of("fibs", fibs, "model", model)),
                    8, 0.1 * r.nextGaussian(), 0.15, r));
            for (String tasks : List.of("100", "1000", "10000")) {
                rows.add(outcome(row("IoScalingBenchmark.sleepTasks", BenchMode.SINGLE_SHOT_TIME,
                        Map.of("model", model, "sleepMs", "100", "tasks", tasks)), 12, Math.log(1.08), 0.004, r));
            }
        }
        for (String variant : List.of("NAIVE", "FILE", "FILE_LOCKED", "QUEUE", "ATOMIC", "MMAP_CAS")) {
            rows.add(outcome(row("CounterBenchmark.incrementShared", BenchMode.THROUGHPUT,
                    Map.of("across", "PROCESSES", "increments", "1000", "variant", variant, "workers", "8")), 2, 0, 0.3, r));
        }
        Row broken = row("CpuBoundBenchmark.fibListRecursiveForkJoin", BenchMode.SINGLE_SHOT_TIME, Map.of("fibs", fibs, "threshold", "20"));
        rows.add(new Engine.RowOutcome(broken, new double[0], List.of(), List.of(), List.of(), 2, Engine.Status.FAILED,
                "failed on new: JMH exited with 1: java.lang.IllegalStateException: worker JVM exited before it answered; "
                        + "its stderr ends with: Error: Could not find or load main class dev.concurrencybench.process.Worker",
                null, null));
        List<Row> common = rows.stream().map(Engine.RowOutcome::row).toList();
        RowKey added = new RowKey(PACKAGE + "PinningBenchmark.sleepWhileHoldingLock", BenchMode.SINGLE_SHOT_TIME,
                Map.of("lock", "REENTRANT_LOCK", "sleepMs", "10", "tasks", "100"));
        RowKey removed = new RowKey(PACKAGE + "SpawnBenchmark.workerSpawn", BenchMode.SINGLE_SHOT_TIME,
                Map.of("jvmFlags", "LEAN", "timeoutSeconds", "60"));
        List<Engine.RowOutcome> controls = control ? List.of(outcome(common.get(1), 8, Math.log(1.10), 0.005, r)) : List.of();
        return AbReport.build(new Rows(common, List.of(added), List.of(removed)), new Engine.Result(rows, controls, 6, 0),
                0.05, 0.05, DESIGN, List.of("core checks differ: before the first round equal: capacity 2.00 of 2 CPUs; after the"
                        + " last round unsteady: capacity 1.71 of 2 CPUs (the machine changed during the run)"),
                List.of(), control ? 0.2 : Double.NaN);
    }

    private static String ratio(double x) {
        return String.format(Locale.ROOT, "%.3f", x);
    }

    private static String mde(double fraction) {
        return fraction >= 10 ? ">999%" : String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }

    @Test
    void everyLineFitsAndEachRowIsOneLineWithItsRatioIntervalMdeAndPairs() {
        for (boolean control : List.of(false, true)) {
            Comparison c = suite(control);
            String text = Format.TEXT.render(c);
            List<String> lines = text.lines().toList();
            lines.forEach(l -> assertTrue(l.length() <= 120, l.length() + " columns: " + l + "\n" + text));

            int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("benchmark ")).findFirst().orElseThrow());
            List<String> header1 = List.of(lines.get(header).split(" +"));
            assertEquals(List.of("benchmark", "unit", "ratio", "CI", "MDE", "pairs", "verdict"), header1, text);
            List<String> table = lines.subList(header + 1, header + 1 + c.rows().size());
            assertTrue(lines.get(header + 1 + c.rows().size()).startsWith("geomean ("), text);
            // Around the table: the warning, the geomean, the notes, the summary, the control; never a line per row.
            assertTrue(lines.size() <= c.rows().size() + 20, lines.size() + " lines for " + c.rows().size() + " rows:\n" + text);

            Map<String, String> byName = new LinkedHashMap<>();
            for (int i = 0; i < table.size(); i++) {
                RowComparison r = c.rows().get(i);
                String line = table.get(i);
                byName.put(line.substring(0, line.indexOf("  ")), line);
                if (r.base() != null) {
                    assertTrue(line.contains(ratio(r.ratio())), line);
                    assertTrue(line.contains("[" + ratio(r.ciLow()) + ", " + ratio(r.ciHigh()) + "]"), line);
                    assertTrue(line.contains("  " + mde(r.mde()) + "  "), "MDE of " + r.mde() + ": " + line);
                    assertTrue(line.contains("  " + r.base().forks() + "  "), r.base().forks() + " pairs: " + line);
                }
                assertTrue(line.contains(r.verdictText()) || line.contains(r.verdict().label() + " ("), line);
            }
            assertEquals(table.size(), byName.size(), "shortened names still tell the rows apart:\n" + text);
            assertTrue(byName.containsKey("CpuBoundBenchmark.fibList model=NON_BLOCKING_ASYNC"), byName.keySet().toString());
            assertTrue(byName.containsKey("IoScalingBenchmark.sleepTasks NON_BLOCKING_ASYNC 10000"), byName.keySet().toString());
            assertTrue(text.contains("\nparams left out, the same in every row: CpuBoundBenchmark fibs=36,35,34,33,32,31,30,25,20,15,10;"),
                    text);
            assertTrue(text.contains("\nparams shown by value only: "), text);
            assertTrue(text.replace("\n  ", " ").contains("inconclusive: failed on new: JMH exited with 1: "
                    + "java.lang.IllegalStateException: worker JVM exited before it answered;"), "a long reason in full, wrapped:\n" + text);
            assertTrue(text.startsWith("warning: core checks differ: "), text);
            assertEquals(control, text.contains("\ncontrol (base against base, share 0.2): "), text);
        }
    }
}
