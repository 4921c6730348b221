package dev.concurrencybench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concurrencybench.results.ResultsFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The text format on the committed full reference run against the quick baseline: real output, -prof cpu's metrics and all. */
class TextTableTest {

    static final Path REFERENCE = Path.of("results/reference/20261128T103631Z-full-all.json");
    static final Path BASELINE = Path.of("results/baseline/jdk25/20261128T105720Z-quick-all.json");
    /** Lines that are not rows: the header, the geomean, the notes, the params left out, the counts, the summary. */
    private static final int AROUND_THE_TABLE = 15;

    private static Comparison c;
    private static List<RowComparison> primary;
    private static List<RowComparison> secondary;

    @BeforeAll
    static void compare() {
        c = new Comparer(CompareOptions.defaults()).compare(List.of(ResultsFile.read(REFERENCE)), List.of(ResultsFile.read(BASELINE)));
        primary = c.rows().stream().filter(r -> !r.secondary()).toList();
        secondary = c.rows().stream().filter(RowComparison::secondary).toList();
    }

    private static void fits(String text) {
        text.lines().forEach(l -> assertTrue(l.length() <= TextTable.WIDTH, l.length() + " columns: " + l));
    }

    /** The {@code rows} lines after the header. */
    private static List<String> table(List<String> lines, String header, int rows) {
        int at = lines.indexOf(lines.stream().filter(l -> l.startsWith(header)).findFirst().orElseThrow());
        return lines.subList(at + 1, at + 1 + rows);
    }

    @Test
    void theDefaultIsOneLinePerPrimaryRowWithinTheWidth() {
        String text = Format.TEXT.render(c);
        fits(text);
        List<String> lines = text.lines().toList();
        assertTrue(primary.size() >= 60 && secondary.size() > 4 * primary.size(), "the real files: " + primary.size() + " rows");
        assertTrue(lines.size() <= primary.size() + AROUND_THE_TABLE, lines.size() + " lines:\n" + text);
        assertEquals(0, lines.indexOf(lines.stream().filter(l -> l.startsWith("benchmark ")).findFirst().orElseThrow()),
                "same machine, both sidecars: no warning above the table\n" + text);
        List<String> table = table(lines, "benchmark ", primary.size());
        RowComparison.Geomean g = c.geomean();
        assertEquals("geomean (" + g.rows() + " rows, time ratio): " + Format.ratio(g.ratio()) + " [" + Format.ratio(g.ciLow()) + ", "
                + Format.ratio(g.ciHigh()) + "], " + g.verdictText(), lines.get(primary.size() + 1));

        Set<String> names = new HashSet<>();
        for (int i = 0; i < primary.size(); i++) {
            RowComparison r = primary.get(i);
            String line = table.get(i);
            names.add(line.substring(0, line.indexOf("  ")));
            assertTrue(line.contains("  " + Format.ratio(r.ratio()) + "  [" + Format.ratio(r.ciLow()) + ", "
                    + Format.ratio(r.ciHigh()) + "]  "), "ratio and interval: " + line);
            assertTrue(line.contains("  " + Format.num(r.base().score()) + "  ") && line.contains("  " + Format.num(r.next().score()) + "  "),
                    "base and new: " + line);
            String verdict = line.substring(line.lastIndexOf("  ") + 2);
            if (!verdict.equals(r.verdictText())) {
                String note = verdict.substring(verdict.indexOf('('));
                assertTrue(verdict.startsWith(r.verdict().label() + " (") && lines.contains(note + " " + r.verdictText()),
                        "the verdict, or its label and a note with its words: " + line);
            }
        }
        assertEquals(primary.size(), names.size(), "shortened names still tell every row apart:\n" + text);
        assertTrue(names.contains("CpuBoundBenchmark.fibListRecursiveForkJoin threshold=20"), names.toString());
        assertTrue(names.contains("CounterBenchmark.incrementShared PROCESSES FILE_LOCKED"), names.toString());
        assertTrue(table.stream().noneMatch(l -> l.contains("rss.peak") || l.contains("cpu.time")), "no secondary metric in the table");

        String unwrapped = text.replace("\n  ", " ");
        assertTrue(unwrapped.contains("\nparams left out, the same in every row: CounterBenchmark increments=1000 workers=8;"), text);
        assertTrue(unwrapped.contains("\nparams shown by value only: CounterBenchmark.incrementShared across variant;"), text);
        long regressions = secondary.stream().filter(r -> r.verdict() == Verdict.REGRESSION).count();
        assertEquals(2, regressions);
        assertTrue(unwrapped.contains("\nsecondary metrics (they never set the exit status): " + secondary.size()
                + " rows, 2 regression(s) (cpu.time 2), "), "the secondary regressions do not vanish:\n" + text);
        assertTrue(unwrapped.contains("; --all-metrics lists them.\nREGRESSION: " + primary.size() + " rows, 2 regression(s),"), text);
    }

    @Test
    void allMetricsAddsASecondTableOfTheSecondaryMetricsByRow() {
        String text = Format.TEXT.render(c, true);
        fits(text);
        List<String> lines = text.lines().toList();
        assertEquals(Format.TEXT.render(c).lines().limit(primary.size() + 2).toList(), lines.subList(0, primary.size() + 2),
                "the same primary table and geomean first");
        int at = lines.indexOf("secondary metrics (they never set the exit status), by row:");
        assertEquals(primary.size() + 2, at, text);
        assertTrue(lines.get(at + 1).matches("  metric +unit +base +new +ratio +CI +verdict"), lines.get(at + 1));
        List<String> metricLines = lines.stream().skip(at + 2).takeWhile(l -> !l.startsWith("(1) ")).toList();
        assertEquals(secondary.size(), metricLines.stream().filter(l -> l.startsWith("  ")).count(), "one line per secondary metric");
        assertEquals(secondary.stream().map(RowComparison::key).distinct().count(),
                metricLines.stream().filter(l -> !l.startsWith("  ")).count(), "one heading per row");
        assertEquals(2, metricLines.stream().filter(l -> l.startsWith("  cpu.time ") && l.endsWith("  regression")).count(),
                String.join("\n", metricLines));
        assertTrue(metricLines.contains("CpuBoundBenchmark.fibListRecursiveForkJoin threshold=20"), text);
        assertFalse(text.contains("--all-metrics lists them"), text);
    }

    @Test
    void theFlagWorksFromTheCommandLineAndLeavesTheOtherFormatsWhole() throws Exception {
        String[] files = {REFERENCE.toString(), BASELINE.toString()};
        String text = run(files);
        assertEquals(Format.TEXT.render(c), text);
        assertEquals(Format.TEXT.render(c, true), run("--all-metrics", files[0], files[1]));

        String csv = run("--format", "csv", "--all-metrics", files[0], files[1]);
        assertEquals(run("--format", "csv", files[0], files[1]), csv, "--all-metrics changes only the text format");
        assertEquals(c.rows().size() + 2, csv.lines().count(), "header, every metric of every row, geomean");
        assertTrue(csv.lines().anyMatch(l -> l.startsWith("dev.concurrencybench.bench.CounterBenchmark.incrementShared,rss.peak,true,"
                + "across=THREADS increments=1000 variant=NAIVE workers=8,thrpt,MB,")), "full names, every param");
        String md = run("--format", "markdown", "--all-metrics", files[0], files[1]);
        assertEquals(Format.MARKDOWN.render(c), md);
        assertEquals(secondary.size(), md.lines().filter(l -> l.endsWith(" (secondary) |")).count(), md);
        assertTrue(md.contains("| benchmark | params | mode | unit | base | new | ratio | CI | p (Holm) | verdict |"), md);
        assertEquals(c.rows().size(), new ObjectMapper().readTree(run("--format", "json", files[0], files[1])).get("rows").size());
    }

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CompareCommand.run(new PrintWriter(out), new PrintWriter(err), args);
        assertEquals(CompareCommand.REGRESSION, code, "the real files hold two primary regressions: " + err);
        return out.toString();
    }
}
