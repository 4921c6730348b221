package dev.concurrencybench.usage;

/**
 * The fields of {@code /proc/<pid>/status} the sampler uses: the number of OS threads and the
 * resident set size. A zombie has no memory left, and no {@code VmRSS} line: its RSS is 0. Read
 * several times a second, so it looks for the two lines rather than splitting the whole file.
 */
record ProcStatus(int threads, long rssKiB) {

    static ProcStatus parse(String text) {
        String threads = field(text, "\nThreads:");
        if (threads == null) {
            throw new IllegalArgumentException("no Threads: line in /proc status");
        }
        String rss = field(text, "\nVmRSS:");
        if (rss != null && !rss.endsWith(" kB")) {
            throw new IllegalArgumentException("VmRSS not in kB: " + rss);
        }
        try {
            return new ProcStatus(Integer.parseInt(threads), rss == null ? 0 : Long.parseLong(rss.substring(0, rss.length() - 3).strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad number in /proc status: Threads " + threads + ", VmRSS " + rss, e);
        }
    }

    /** The value after {@code key} (a line start and a name), to the end of its line; null if absent. */
    private static String field(String text, String key) {
        int at = text.indexOf(key);
        if (at < 0) {
            return null;
        }
        int from = at + key.length();
        int end = text.indexOf('\n', from);
        return text.substring(from, end < 0 ? text.length() : end).strip();
    }
}
