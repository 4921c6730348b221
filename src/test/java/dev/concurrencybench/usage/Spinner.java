package dev.concurrencybench.usage;

import java.io.IOException;
import java.lang.management.ManagementFactory;

/**
 * A child JVM for the tests: spins until its main thread has used {@code args[0]} ms of CPU,
 * prints the CPU time its whole process has used (ns) and, with {@code wait}, stays alive until its
 * stdin closes.
 */
public final class Spinner {

    private Spinner() {
    }

    public static void main(String[] args) throws IOException {
        long until = Long.parseLong(args[0]) * 1_000_000L;
        var threads = ManagementFactory.getThreadMXBean();
        long x = 1;
        while (threads.getCurrentThreadCpuTime() < until) {
            for (int i = 0; i < 100_000; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
            }
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.out.println(os.getProcessCpuTime() + " " + (x & 1));
        System.out.flush();
        if (args.length > 1 && args[1].equals("wait")) {
            System.in.transferTo(java.io.OutputStream.nullOutputStream());
        }
    }
}
