import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A pilot, independent of the suite: what time ratio does the injected run's slow patch really
 * cause? The patch makes every fib(n) task also compute fib(n-5), 9.02% more calls on the fib list,
 * so a fib-list row's truth was taken as 1.0902; the real injected runs average about 1.0845.
 * Here each JVM runs the fib list sequentially, a base call and a slow call in turn (ABBA), so the
 * JVM's speed level cancels in each pair. Run with JDK 17+ (single-file source launch):
 *
 *   java .ci/pilots/SlowPatchRatio.java same 20 20   20 JVMs, 20 pairs each; the slow task calls
 *                                                    the same compiled fib as the base task
 *   java .ci/pilots/SlowPatchRatio.java copy 20 20   the slow task has its own copy of fib, as the
 *                                                    slow build has its own compiled code
 *
 * It prints one line per JVM (its median slow/base ratio) and then the mean and median over JVMs.
 * What it showed on a 2-vCPU machine (JDK 25, 2026-12-06): same 1.0903 (SE 0.0017), so the time
 * grows exactly as the calls; copy 1.0842 (SE 0.0060), median 1.0893, with three JVMs of 20 at
 * 1.013, 1.022 and 1.142, where the two copies of fib sat at different levels.
 */
public class SlowPatchRatio {
    static final int[] LIST = {36, 35, 34, 33, 32, 31, 30, 25, 20, 15, 10};
    static volatile long sink;

    static long fib(int n) {
        return n < 2 ? n : fib(n - 1) + fib(n - 2);
    }

    /** The slow build's fib: the same code in another class, so it is compiled on its own. */
    static final class Copy {
        static long fib(int n) {
            return n < 2 ? n : fib(n - 1) + fib(n - 2);
        }
    }

    static long base(int n) {
        return fib(n);
    }

    // The patch as .ci/injected-series.sh applies it; the test on extra keeps the JIT from dropping it.
    static long slowSame(int n) {
        long extra = fib(Math.max(0, n - 5));
        return fib(n) + (extra == -1 ? 1 : 0);
    }

    static long slowCopy(int n) {
        long extra = Copy.fib(Math.max(0, n - 5));
        return Copy.fib(n) + (extra == -1 ? 1 : 0);
    }

    /** One fib-list call, as the SEQUENTIAL model makes it; its time in ns. */
    static long call(int variant) {
        long t0 = System.nanoTime();
        long s = 0;
        for (int n : LIST) {
            s += variant == 0 ? base(n) : variant == 1 ? slowSame(n) : slowCopy(n);
        }
        sink = s;
        return System.nanoTime() - t0;
    }

    public static void main(String[] a) throws Exception {
        if (a.length != 3 || !a[0].matches("same|copy|child-same|child-copy") || !a[1].matches("[1-9][0-9]*")
                || !a[2].matches("[1-9][0-9]*")) {
            System.err.println("usage: java SlowPatchRatio.java same|copy JVMS PAIRS");
            System.exit(2);
        }
        int pairs = Integer.parseInt(a[2]);
        if (a[0].startsWith("child-")) {
            int slow = a[0].equals("child-same") ? 1 : 2;
            for (int i = 0; i < 4; i++) {
                call(0);
                call(slow);
            }
            for (int i = 0; i < pairs; i++) { // ABBA: each variant goes first half the time
                long b;
                long s;
                if (i % 2 == 0) {
                    b = call(0);
                    s = call(slow);
                } else {
                    s = call(slow);
                    b = call(0);
                }
                System.out.println(b + " " + s);
            }
            return;
        }
        String java = ProcessHandle.current().info().command().orElseThrow();
        String source = SlowPatchRatio.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        int jvms = Integer.parseInt(a[1]);
        double[] lnMedians = new double[jvms];
        for (int j = 0; j < jvms; j++) {
            Process p = new ProcessBuilder(java, "-Xms1g", "-Xmx1g", source, "child-" + a[0], "1", a[2])
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            List<Double> ln = new ArrayList<>();
            List<Long> baseNs = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
                for (String line; (line = r.readLine()) != null; ) {
                    String[] f = line.split(" ");
                    baseNs.add(Long.parseLong(f[0]));
                    ln.add(Math.log((double) Long.parseLong(f[1]) / Long.parseLong(f[0])));
                }
            }
            if (p.waitFor() != 0 || ln.size() != pairs) {
                System.err.println("SlowPatchRatio: child JVM " + j + " failed");
                System.exit(1);
            }
            lnMedians[j] = median(ln.stream().mapToDouble(Double::doubleValue).toArray());
            System.out.printf("jvm %2d  base median %.1f ms  slow/base %.4f%n", j,
                    median(baseNs.stream().mapToDouble(Long::doubleValue).toArray()) / 1e6, Math.exp(lnMedians[j]));
        }
        double mean = Arrays.stream(lnMedians).average().orElseThrow();
        double sd = Math.sqrt(Arrays.stream(lnMedians).map(x -> (x - mean) * (x - mean)).sum() / (jvms - 1));
        System.out.printf("%s: %d JVMs x %d pairs: slow/base %.4f (geometric mean of JVM medians, SE %.4f), "
                + "median over JVMs %.4f; the ratio of calls is 1.0902%n",
                a[0], jvms, pairs, Math.exp(mean), Math.exp(mean) * sd / Math.sqrt(jvms), Math.exp(median(lnMedians)));
    }

    static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }
}
