import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pilot: each fib-list row's true time ratio between two builds, with a JVM's speed level
 * cancelled. ab's forks each run one build, so a row's estimate carries the fork-to-fork levels;
 * here one JVM loads both jars, each in its own class loader (so each build's code is compiled on
 * its own, as in its own fork), and calls the row's fib list with one build and then the other
 * (ABBA), PAIRS times per model, through the suite's own ExecutionModel and Tasks. The injected
 * run's estimates are then judged against each row's truth rather than the ratio of fib calls.
 *
 *   java .ci/pilots/RowTruth.java BASE_JAR NEW_JAR MODEL[,MODEL...] JVMS PAIRS
 *
 * e.g. with the two jars of .ci/injected-series.sh (SHARDS="" builds them and runs nothing):
 *   java .ci/pilots/RowTruth.java OUT/tree-base/target/benchmarks.jar OUT/tree-slow/target/benchmarks.jar \
 *       SEQUENTIAL,FIXED_POOL,COMPLETABLE_FUTURE 20 12
 *
 * It prints, per model, the geometric mean over JVMs of each JVM's median new/base ratio, its SE,
 * and the median over JVMs. Each JVM runs the models in the order given, the heap fixed at 2 GiB as
 * the benchmarks' forks have it. Run it alone: nothing else may build or measure meanwhile.
 */
public class RowTruth {
    static final String USAGE = "usage: java RowTruth.java BASE_JAR NEW_JAR MODEL[,MODEL...] JVMS PAIRS";
    static final int WARMUP_PAIRS = 4;

    /** One build's model runner and the fib list, all reached by reflection in that build's loader. */
    static final class Build implements AutoCloseable {
        final Object runner;
        final Object tasks;
        final Method runAll;
        final Method sum;

        Build(ClassLoader loader, String model) throws Exception {
            Class<?> models = loader.loadClass("dev.concurrencybench.model.ExecutionModel");
            Class<?> taskList = loader.loadClass("dev.concurrencybench.task.Tasks");
            runner = models.getMethod("create").invoke(models.getMethod("valueOf", String.class).invoke(null, model));
            tasks = taskList.getMethod("fibs", String.class).invoke(null, taskList.getField("DEFAULT_FIBS").get(null));
            runAll = loader.loadClass("dev.concurrencybench.runner.TaskRunner").getMethod("runAll", List.class);
            sum = taskList.getMethod("sum", List.class);
        }

        /** One fib-list call, as the benchmark's fibList makes it; its time in ns. */
        long call() throws Exception {
            long t0 = System.nanoTime();
            long s = (Long) sum.invoke(null, runAll.invoke(runner, tasks));
            long t = System.nanoTime() - t0;
            if (s <= 0) { // the sum is used, so the call is never dead code
                throw new IllegalStateException("fib list summed to " + s);
            }
            return t;
        }

        @Override
        public void close() throws Exception {
            ((AutoCloseable) runner).close();
        }
    }

    public static void main(String[] a) throws Exception {
        boolean child = a.length == 6 && a[0].equals("child");
        String[] x = child ? Arrays.copyOfRange(a, 1, 6) : a;
        if (x.length != 5 || !x[2].matches("[A-Z_]+(,[A-Z_]+)*") || !x[3].matches("[1-9][0-9]*")
                || !x[4].matches("[1-9][0-9]*")) {
            System.err.println(USAGE);
            System.exit(2);
        }
        for (String jar : List.of(x[0], x[1])) {
            if (!Files.isRegularFile(Path.of(jar))) {
                System.err.println("RowTruth: no such jar: " + jar);
                System.exit(2);
            }
        }
        if (Runtime.version().feature() < 21) {
            System.err.println("RowTruth: the suite's jars need JDK 21+, this is " + Runtime.version());
            System.exit(2);
        }
        List<String> models = List.of(x[2].split(","));
        int pairs = Integer.parseInt(x[4]);
        if (child) {
            try {
                runChild(x[0], x[1], models, pairs);
            } catch (InvocationTargetException e) { // e.g. a model the jar does not have
                System.err.println("RowTruth: " + e.getCause());
                System.exit(2);
            }
            return;
        }
        String java = ProcessHandle.current().info().command().orElseThrow();
        String source = RowTruth.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        int jvms = Integer.parseInt(x[3]);
        Map<String, double[]> lnMedians = new LinkedHashMap<>();
        models.forEach(m -> lnMedians.put(m, new double[jvms]));
        for (int j = 0; j < jvms; j++) {
            Process p = new ProcessBuilder(java, "-Xms2g", "-Xmx2g", source, "child", x[0], x[1], x[2], "1", x[4])
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            Map<String, List<Double>> ln = new LinkedHashMap<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
                for (String line; (line = r.readLine()) != null; ) {
                    String[] f = line.split(" ");
                    ln.computeIfAbsent(f[0], k -> new ArrayList<>())
                            .add(Math.log((double) Long.parseLong(f[2]) / Long.parseLong(f[1])));
                }
            }
            int exit = p.waitFor();
            if (exit == 2) { // the child said why
                System.exit(2);
            }
            if (exit != 0 || !models.stream().allMatch(m -> ln.getOrDefault(m, List.of()).size() == pairs)) {
                System.err.println("RowTruth: child JVM " + j + " failed");
                System.exit(1);
            }
            StringBuilder s = new StringBuilder(String.format("jvm %2d", j));
            for (String m : models) {
                lnMedians.get(m)[j] = median(ln.get(m).stream().mapToDouble(Double::doubleValue).toArray());
                s.append(String.format("  %s %.4f", m, Math.exp(lnMedians.get(m)[j])));
            }
            System.out.println(s);
        }
        System.out.printf("%d JVMs x %d pairs, new/base: geometric mean of JVM medians (SE), median over JVMs%n",
                jvms, pairs);
        for (String m : models) {
            double[] v = lnMedians.get(m);
            double mean = Arrays.stream(v).average().orElseThrow();
            double sd = jvms < 2 ? Double.NaN
                    : Math.sqrt(Arrays.stream(v).map(y -> (y - mean) * (y - mean)).sum() / (jvms - 1));
            System.out.printf("%-20s %.4f (SE %.4f)  %.4f%n", m, Math.exp(mean), Math.exp(mean) * sd / Math.sqrt(jvms),
                    Math.exp(median(v)));
        }
    }

    /** One JVM: per model, both builds' runners, warm-up pairs, then PAIRS pairs in ABBA order. */
    static void runChild(String baseJar, String newJar, List<String> models, int pairs) throws Exception {
        try (URLClassLoader baseLoader = loader("base", baseJar); URLClassLoader newLoader = loader("new", newJar)) {
            for (String model : models) {
                try (Build base = new Build(baseLoader, model); Build changed = new Build(newLoader, model)) {
                    for (int i = 0; i < WARMUP_PAIRS; i++) {
                        base.call();
                        changed.call();
                    }
                    for (int i = 0; i < pairs; i++) { // ABBA: each build goes first half the time
                        long b;
                        long n;
                        if (i % 2 == 0) {
                            b = base.call();
                            n = changed.call();
                        } else {
                            n = changed.call();
                            b = base.call();
                        }
                        System.out.println(model + " " + b + " " + n);
                    }
                }
            }
        }
    }

    static URLClassLoader loader(String name, String jar) throws Exception {
        return new URLClassLoader(name, new URL[] {Path.of(jar).toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }
}
