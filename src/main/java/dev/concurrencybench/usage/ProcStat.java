package dev.concurrencybench.usage;

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
        // f[0] is field 3 (state), so field k is f[k - 3].
        String[] f = line.substring(close + 1).strip().split(" +");
        if (f.length < 18) {
            throw new IllegalArgumentException("too few fields in /proc stat line: " + abbreviate(line));
        }
        try {
            long utime = Long.parseLong(f[11]);
            long stime = Long.parseLong(f[12]);
            long cutime = Long.parseLong(f[13]);
            long cstime = Long.parseLong(f[14]);
            return new ProcStat(Long.parseLong(line.substring(0, open).strip()), f[0].charAt(0), Long.parseLong(f[1]),
                    utime + stime, cutime + cstime, Integer.parseInt(f[17]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad number in /proc stat line: " + abbreviate(line), e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s.strip() : s.substring(0, 80) + "...";
    }
}
