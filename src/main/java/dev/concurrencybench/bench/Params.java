package dev.concurrencybench.bench;

import dev.concurrencybench.model.ForkJoinFib;
import dev.concurrencybench.task.Sleep;
import dev.concurrencybench.task.Tasks;
import dev.concurrencybench.util.Checks;
import dev.concurrencybench.util.Enums;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;

/**
 * Checks the values given with JMH's {@code -p name=v1,v2} before JMH starts, so that a bad value
 * is one clear line instead of a stack trace per fork. The checks follow the {@code @Param} fields
 * the benchmarks declare: an enum-typed one accepts the names of its constants; any other has an
 * entry in {@link #CHECKS}, the same parser or constructor the benchmark itself uses. ParamsTest
 * proves that every declared {@code @Param} is covered.
 */
public final class Params {

    /** The check of every {@code @Param} that is not an enum, by name. */
    static final Map<String, Consumer<String>> CHECKS = Map.of(
            "fibs", Tasks::fibs,
            "tasks", v -> Checks.positive("tasks", parseInt("tasks", v)),
            "sleepMs", v -> Sleep.ofMillis(parseLong("sleepMs", v)),
            "failingJob", v -> requireJobIndex(parseInt("failingJob", v)),
            "threshold", v -> ForkJoinFib.requireThreshold(parseInt("threshold", v)),
            "workers", v -> Checks.positive("workers", parseInt("workers", v)),
            "increments", v -> Checks.positive("increments", parseInt("increments", v)),
            "timeoutSeconds", v -> Checks.positive("timeoutSeconds", parseInt("timeoutSeconds", v)));

    /** Parameters that were renamed, so that an old command line is told rather than run with the defaults. */
    static final Map<String, String> RENAMED = Map.of("mode", "across");

    private static Map<String, Class<?>> declared;

    private Params() {
    }

    /** Throws IllegalArgumentException naming the first bad {@code -p} value in {@code args}. */
    public static void check(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String spec;
            if (args[i].equals("-p") && i + 1 < args.length) {
                spec = args[++i];
            } else if (args[i].startsWith("-p") && args[i].contains("=") && !args[i].startsWith("-prof")) {
                spec = args[i].substring(2);
            } else {
                continue;
            }
            int eq = spec.indexOf('=');
            if (eq < 0) {
                continue; // JMH reports its own syntax errors
            }
            String name = spec.substring(0, eq);
            if (RENAMED.containsKey(name)) {
                throw new IllegalArgumentException("-p " + name + " is now called '" + RENAMED.get(name) + "': use -p "
                        + RENAMED.get(name) + "=" + spec.substring(eq + 1));
            }
            Class<?> type = declared().get(name);
            if (type == null) {
                continue; // not one of ours
            }
            for (String value : spec.substring(eq + 1).split(",", -1)) {
                try {
                    checkValue(name, type, value);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("-p " + name + "=" + value + ": " + e.getMessage(), e);
                }
            }
        }
    }

    private static void checkValue(String name, Class<?> type, String value) {
        if (type.isEnum()) {
            Enums.parse(type, name, value);
            return;
        }
        Consumer<String> check = CHECKS.get(name);
        if (check == null) {
            throw new IllegalStateException("@Param " + name + " has no check in Params.CHECKS");
        }
        check.accept(value);
    }

    /**
     * Every {@code @Param} field of the suite's benchmarks, by name, with its type: the fields of
     * each benchmark class in JMH's own benchmark list, of the states its methods take, and of
     * their superclasses. One name has one type across the suite, as {@code -p} sets them all.
     */
    static synchronized Map<String, Class<?>> declared() {
        if (declared == null) {
            Map<String, Class<?>> params = new TreeMap<>();
            for (Class<?> holder : paramHolders()) {
                for (Class<?> c = holder; c != null && c != Object.class; c = c.getSuperclass()) {
                    for (Field f : c.getDeclaredFields()) {
                        if (f.isAnnotationPresent(Param.class)) {
                            Class<?> other = params.putIfAbsent(f.getName(), f.getType());
                            if (other != null && other != f.getType()) {
                                throw new IllegalStateException("@Param " + f.getName() + " is a " + other.getSimpleName()
                                        + " in one place and a " + f.getType().getSimpleName() + " in " + c.getName());
                            }
                        }
                    }
                }
            }
            declared = Collections.unmodifiableMap(params);
        }
        return declared;
    }

    /** The benchmark classes JMH lists and the types of their benchmark methods' parameters (their states). */
    private static List<Class<?>> paramHolders() {
        List<Class<?>> holders = new ArrayList<>();
        try (InputStream in = Params.class.getResourceAsStream(BenchmarkList.BENCHMARK_LIST)) {
            if (in == null) {
                throw new IllegalStateException("no " + BenchmarkList.BENCHMARK_LIST + " on the class path: JMH's annotation processor did not run");
            }
            for (BenchmarkListEntry entry : BenchmarkList.readBenchmarkList(in)) {
                Class<?> benchmark = Class.forName(entry.getUserClassQName(), false, Params.class.getClassLoader());
                holders.add(benchmark);
                for (Method m : benchmark.getMethods()) {
                    if (m.isAnnotationPresent(Benchmark.class)) {
                        holders.addAll(List.of(m.getParameterTypes()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("JMH lists a benchmark class that is not on the class path: " + e.getMessage(), e);
        }
        return holders;
    }

    private static int requireJobIndex(int job) {
        if (job < 0) {
            throw new IllegalArgumentException("failingJob is a job's index and must be >= 0, got " + job);
        }
        return job;
    }

    static int parseInt(String name, String v) {
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + v + "'");
        }
    }

    static long parseLong(String name, String v) {
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + v + "'");
        }
    }
}
