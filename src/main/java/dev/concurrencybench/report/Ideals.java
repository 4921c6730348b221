package dev.concurrencybench.report;

import dev.concurrencybench.model.ExecutionModel;
import dev.concurrencybench.task.Fib;
import dev.concurrencybench.task.Tasks;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.List;

/**
 * The physical limits the report draws next to each measured bar, in milliseconds per batch.
 *
 * <p><b>Sleeping tasks</b> (N tasks of D ms): a model with {@code k} tasks in flight needs
 * {@code ceil(N / k)} rounds of D, so D when all run at once, {@code ceil(N / P) x D} for a pool of
 * P and N x D one at a time.
 *
 * <p><b>CPU tasks</b> (the fib list): no schedule beats the total work spread over every core, nor
 * the longest single task, which cannot be split: {@code max(sequential / cores, longest)}. The
 * longest task is not measured on its own; it is estimated from the SEQUENTIAL time by its share
 * of the work. Naive fib(n) makes {@code 2 fib(n+1) - 1} calls, so fib(n) takes
 * {@code calls(n) / sum of calls(list)} of the sequential time (0.39 for the default list, whose
 * largest task is 36). A divide-and-conquer ForkJoin splits every task, so its ideal is
 * {@code sequential / cores}.
 *
 * <p><b>Unequal cores</b> ({@link #fibListOn}): with the CPUs' speeds measured, "cores" becomes their
 * <i>capacity</i>, their worth in fastest-CPU equivalents, and the work and the longest task are
 * times on the fastest CPU: {@code max(work / capacity, longest on the fastest)}. With equal cores
 * the capacity of k cores is k, and this is the formula above.
 *
 * <p><b>Cores used</b> ({@link #coresUsed}): how many CPUs the work can keep busy, whatever their
 * speed: {@code min(CPUs the model can use, work / longest task)}.
 */
public final class Ideals {

    private Ideals() {
    }

    /** Ideal time for N sleeps of D ms with {@code inFlight} running at once. */
    public static double sleeps(int tasks, double sleepMs, int inFlight) {
        if (tasks <= 0 || inFlight <= 0 || !(sleepMs >= 0)) {
            throw new IllegalArgumentException("need tasks > 0, inFlight > 0, sleepMs >= 0; got "
                    + tasks + ", " + inFlight + ", " + sleepMs);
        }
        long rounds = (tasks + (long) inFlight - 1) / inFlight;
        return rounds * sleepMs;
    }

    /** Ideal time for N sleeps of D ms on {@code model}, with as many in flight as the model allows on {@code cores}. */
    public static double sleeps(ExecutionModel model, int tasks, double sleepMs, int cores) {
        return sleeps(tasks, sleepMs, ModelLimit.of(model).inFlight(tasks, cores));
    }

    /** How many calls naive recursive fib(n) makes: {@code 2 fib(n+1) - 1}. Exact for any n >= 0. */
    public static BigInteger fibCalls(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("fib n must be >= 0, got " + n);
        }
        BigInteger a = BigInteger.ZERO;
        BigInteger b = BigInteger.ONE;
        for (int i = 0; i < n + 1; i++) {
            BigInteger next = a.add(b);
            a = b;
            b = next;
        }
        // a is now fib(n + 1)
        return a.shiftLeft(1).subtract(BigInteger.ONE);
    }

    /** The largest task's share of the list's total work, in (0, 1]. */
    public static double longestShare(List<Integer> fibs) {
        if (fibs.isEmpty()) {
            throw new IllegalArgumentException("the fib list is empty");
        }
        BigInteger total = BigInteger.ZERO;
        BigInteger max = BigInteger.ZERO;
        for (int n : fibs) {
            BigInteger c = fibCalls(n);
            total = total.add(c);
            max = max.max(c);
        }
        return new BigDecimal(max).divide(new BigDecimal(total), MathContext.DECIMAL64)
                .doubleValue();
    }

    /** {@code max(sequential / cores, longest task)} for the list, from the measured SEQUENTIAL time. */
    public static double fibList(double sequentialMs, List<Integer> fibs, int cores) {
        requireCores(cores);
        return fibListOn(sequentialMs, fibs, cores);
    }

    /**
     * {@code max(work / capacity, longest task)} for the list on CPUs worth {@code capacity}
     * fastest-CPU equivalents, where {@code workMs} is the whole list's time on the fastest CPU.
     */
    public static double fibListOn(double workMs, List<Integer> fibs, double capacity) {
        if (!(capacity > 0)) {
            throw new IllegalArgumentException("capacity must be > 0, got " + capacity);
        }
        return Math.max(workMs / capacity, workMs * longestShare(fibs));
    }

    /**
     * The fib list's ideal on {@code model}: as many tasks at once as the model allows, but never
     * more than {@code cores} (SEQUENTIAL's ideal is its own time).
     */
    public static double fibList(ExecutionModel model, double sequentialMs, List<Integer> fibs, int cores) {
        requireCores(cores);
        return fibList(sequentialMs, fibs, cpusUsable(model, fibs, cores));
    }

    /** How many of {@code cores} CPUs {@code model} can use for the list: one per task in flight, at most all. */
    public static int cpusUsable(ExecutionModel model, List<Integer> fibs, int cores) {
        requireCores(cores);
        return Math.min(cores, ModelLimit.of(model).inFlight(fibs.size(), cores));
    }

    /** The divide-and-conquer ideal: the whole work spread over every core. */
    public static double fibSplit(double sequentialMs, int cores) {
        requireCores(cores);
        return sequentialMs / cores;
    }

    /**
     * The most CPUs the list can keep busy on {@code cpus} of them when it runs as tasks: no more than
     * the work over its longest task, which ends last. Counted in CPUs, not speed, as {@code cpu.cores} is.
     */
    public static double coresUsed(List<Integer> fibs, int cpus) {
        if (cpus <= 0) {
            throw new IllegalArgumentException("cpus must be > 0, got " + cpus);
        }
        return Math.min(cpus, 1 / longestShare(fibs));
    }

    /** The {@code fibs} param parsed as the benchmark parses it, or null when the benchmark would reject it. */
    public static List<Integer> parseFibs(String fibs) {
        try {
            return Tasks.fibs(fibs).stream().map(t -> ((Fib) t).n()).toList();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void requireCores(int cores) {
        if (cores <= 0) {
            throw new IllegalArgumentException("cores must be > 0, got " + cores);
        }
    }
}
