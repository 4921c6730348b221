package dev.concurrencybench.counter;

/**
 * What one worker saw in one run: it made {@code increments} increments, the first read
 * {@code firstRead}, and the last wrote {@code lastWrote}. A NAIVE worker process with one
 * increment reports "read 0, wrote 1".
 */
public record WorkerReport(int increments, long firstRead, long lastWrote) {

    /** The wire form a worker process prints: {@code done <increments> <firstRead> <lastWrote>}. */
    String wire() {
        return "done " + increments + " " + firstRead + " " + lastWrote;
    }

    static WorkerReport parse(String line) {
        String[] p = line.strip().split(" ");
        if (p.length != 4 || !p[0].equals("done")) {
            throw new IllegalArgumentException("bad worker report '" + line + "'");
        }
        return new WorkerReport(Integer.parseInt(p[1]), Long.parseLong(p[2]), Long.parseLong(p[3]));
    }
}
