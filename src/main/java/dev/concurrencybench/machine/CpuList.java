package dev.concurrencybench.machine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * A set of logical CPU numbers, written as Linux writes it ({@code taskset -c}, {@code Cpus_allowed_list}
 * in /proc): single CPUs and ranges separated by commas, e.g. {@code 0}, {@code 0-3}, {@code 0,2},
 * {@code 0-1,3}. Kept sorted and without duplicates; {@link #toString()} gives the shortest such form.
 *
 * @param cpus the CPU numbers, ascending, at least one
 */
public record CpuList(List<Integer> cpus) {

    /** Linux's own ceiling (CONFIG_NR_CPUS) is 8192; this bound only stops a typo from allocating a huge mask. */
    public static final int MAX_CPU = 65_535;
    private static final String FORMS = "e.g. 0, 0-3, 0,2 or 0-1,3";
    private static final Pattern PART = Pattern.compile("(\\d{1,9})(?:-(\\d{1,9}))?");

    public CpuList {
        cpus = List.copyOf(cpus);
        if (cpus.isEmpty()) {
            throw new IllegalArgumentException("a CPU list needs at least one CPU (" + FORMS + ")");
        }
        for (int i = 0; i < cpus.size(); i++) {
            int c = cpus.get(i);
            if (c < 0 || c > MAX_CPU || (i > 0 && c <= cpus.get(i - 1))) {
                throw new IllegalArgumentException("CPU numbers must be ascending, distinct and in 0.." + MAX_CPU + ": " + cpus);
            }
        }
    }

    public static CpuList of(int... cpus) {
        return new CpuList(Arrays.stream(cpus).sorted().distinct().boxed().toList());
    }

    /** Parses {@code 0}, {@code 0-3}, {@code 0,2}, {@code 0-1,3}; throws IllegalArgumentException with one line otherwise. */
    public static CpuList parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("an empty CPU list; give CPU numbers and ranges, " + FORMS);
        }
        BitSet set = new BitSet();
        for (String part : text.strip().split(",", -1)) {
            Matcher m = PART.matcher(part.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("'" + text + "' is not a CPU list; give CPU numbers and ranges, " + FORMS);
            }
            int from = cpu(m.group(1));
            int to = m.group(2) == null ? from : cpu(m.group(2));
            if (to < from) {
                throw new IllegalArgumentException("'" + text + "': the range " + from + "-" + to + " runs backwards");
            }
            set.set(from, to + 1);
        }
        return new CpuList(set.stream().boxed().toList());
    }

    private static int cpu(String digits) {
        int c = Integer.parseInt(digits);
        if (c > MAX_CPU) {
            throw new IllegalArgumentException("CPU " + c + " is beyond any machine (at most " + MAX_CPU + ")");
        }
        return c;
    }

    /** CPUs 0 to {@code count - 1}. */
    public static CpuList firstN(int count) {
        return new CpuList(IntStream.range(0, count).boxed().toList());
    }

    public int size() {
        return cpus.size();
    }

    public boolean containsAll(CpuList other) {
        return cpus.containsAll(other.cpus);
    }

    /** The first CPU of {@code other} that is not in this list, or -1 when all are. */
    public int firstMissing(CpuList other) {
        return other.cpus.stream().filter(c -> !cpus.contains(c)).findFirst().orElse(-1);
    }

    /** The list as a Linux {@code cpu_set_t}: bit {@code c} of 64-bit word {@code c / 64}, for at least {@code minWords} words. */
    long[] mask(int minWords) {
        long[] words = new long[Math.max(minWords, cpus.get(cpus.size() - 1) / 64 + 1)];
        for (int c : cpus) {
            words[c / 64] |= 1L << (c % 64);
        }
        return words;
    }

    /** The shortest Linux form, e.g. {@code 0-1,3}. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < cpus.size()) {
            int j = i;
            while (j + 1 < cpus.size() && cpus.get(j + 1) == cpus.get(j) + 1) {
                j++;
            }
            parts.add(i == j ? String.valueOf(cpus.get(i)) : cpus.get(i) + "-" + cpus.get(j));
            i = j + 1;
        }
        return String.join(",", parts);
    }
}
