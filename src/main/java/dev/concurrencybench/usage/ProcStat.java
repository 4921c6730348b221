package dev.concurrencybench.usage;

import java.util.ArrayList;
import java.util.List;

/**
 * The fields of {@code /proc/<pid>/stat} this package uses. CPU times are in clock ticks
 * ({@code USER_HZ}); {@code childTicks} are those of children the process has reaped (waited
 * for), which include what those children had reaped in turn.
 *
 * @param state one letter: R, S, D, Z (exited, not yet reaped), X (being reaped), ...
 */
record ProcStat(long pid, char state, long ppid, long ownTicks, long childTicks, int threads) {

    /** Own CPU time plus that of reaped children, in clock ticks. */
    long cpuTicks() {
        return ownTicks + childTicks;
    }

    /** True while the parent is reaping it: its times are moving into the parent's {@code cutime}. */
    boolean beingReaped() {
        return state == 'X';
    }

    /**
     * Parses one line of {@code /proc/<pid>/stat}. The command name (field 2) is in parentheses
     * and may itself hold spaces and parentheses, so fields are counted from the last ')'.
     */
    static ProcStat parse(String line) {
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        if (open < 0 || close < open) {
            throw new IllegalArgumentException("not a /proc stat line: " + abbreviate(line));
        }
        // f.get(0) is field 3 (state), so field k is f.get(k - 3).
        List<String> f = words(line, close + 1);
        if (f.size() < 18) {
            throw new IllegalArgumentException("too few fields in /proc stat line: " + abbreviate(line));
        }
        try {
            long utime = Long.parseLong(f.get(11));
            long stime = Long.parseLong(f.get(12));
            long cutime = Long.parseLong(f.get(13));
            long cstime = Long.parseLong(f.get(14));
            return new ProcStat(Long.parseLong(line.substring(0, open).strip()), f.get(0).charAt(0),
                    Long.parseLong(f.get(1)), utime + stime, cutime + cstime, Integer.parseInt(f.get(17)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad number in /proc stat line: " + abbreviate(line), e);
        }
    }

    /**
     * The whitespace-separated words of {@code text} from {@code from} on; by hand, not with a
     * regular expression, because the profiler reads these lines before the JIT has compiled them.
     */
    static List<String> words(String text, int from) {
        List<String> out = new ArrayList<>();
        int i = from;
        while (i < text.length()) {
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(text.substring(start, i));
            }
        }
        return out;
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s.strip() : s.substring(0, 80) + "...";
    }
}
