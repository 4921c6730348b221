package dev.concurrencybench.ab;

import dev.concurrencybench.results.BenchMode;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A machine for tests: a fork draws its score from a noise model and moves a virtual clock on by
 * what it would have cost, so whole {@code ab} runs take milliseconds. The noise has the shape of
 * a shared machine's: a fork-to-fork part and a call-to-call part (log-normal), rare host bursts
 * that make one fork 0.6-0.8x or 1.2-1.6x of its neighbours, a slow drift of the whole machine,
 * and a small penalty for the second fork of a pair.
 */
final class SimulatedMachine implements ForkRunner {

    /**
     * One row's behaviour.
     *
     * @param score    the base build's true score, in the row's unit
     * @param seconds  one call (single-shot) or one iteration (timed modes), in seconds
     * @param forkSd   spread of a fork's level, as a standard deviation of the log
     * @param callSd   spread of one call around its fork's level
     * @param setup    seconds a fork spends before its first call (pools, worker JVMs)
     */
    record Model(double score, double seconds, double forkSd, double callSd, double setup) {
    }

    /**
     * @param overhead          seconds of JVM start-up per fork (host and fork)
     * @param burstProbability  per fork
     * @param secondPenalty     log added to the second fork of every pair
     * @param driftPerMinute    standard deviation of the machine's log speed change per minute
     */
    record Noise(double overhead, double burstProbability, double secondPenalty, double driftPerMinute) {
    }

    private final Map<Row, Model> models;
    private final Map<Row, Double> effects;
    private final Noise noise;
    private final SplittableRandom random;
    private long now;
    private long calls;
    private double drift;

    /**
     * @param effects  per row, the new build's true time factor (1.10 is 10% slower); absent is 1
     */
    SimulatedMachine(Map<Row, Model> models, Map<Row, Double> effects, Noise noise, long seed) {
        this.models = models;
        this.effects = effects;
        this.noise = noise;
        this.random = new SplittableRandom(seed);
    }

    long now() {
        return now;
    }

    @Override
    public Fork run(Side side, Row row, ForkSettings settings, String tag, long timeoutNanos) {
        Model m = models.get(row);
        boolean second = calls++ % 2 == 1;
        double level = m.forkSd() * random.nextGaussian() + drift + (second ? noise.secondPenalty() : 0);
        if (random.nextDouble() < noise.burstProbability()) {
            level += (random.nextBoolean() ? 1 : -1) * (0.2 + 0.3 * random.nextDouble());
        }
        if (side == Side.NEW) {
            level += Math.log(effects.getOrDefault(row, 1.0));
        }
        boolean timed = row.mode() != BenchMode.SINGLE_SHOT_TIME;
        double[] measurements = new double[settings.measurements()];
        for (int i = 0; i < measurements.length; i++) {
            double timeFactor = Math.exp(level + m.callSd() * random.nextGaussian());
            measurements[i] = row.mode().higherIsBetter() ? m.score() / timeFactor : m.score() * timeFactor;
        }
        double value = java.util.Arrays.stream(measurements).average().orElseThrow();
        double call = timed ? ForkSettings.seconds(settings.measurementTime()) : m.seconds() * Math.exp(level);
        double warmupCall = timed ? ForkSettings.seconds(settings.warmupTime()) : call;
        double seconds = noise.overhead() + m.setup() + settings.warmups() * warmupCall + settings.measurements() * call;
        advance(seconds);
        String unit = row.mode().higherIsBetter() ? "ops/s" : "s/op";
        return new Fork(value, measurements, unit, timed ? Double.NaN : call, null, (long) (seconds * 1e9), null);
    }

    private void advance(double seconds) {
        now += (long) (seconds * 1e9);
        drift += noise.driftPerMinute() * Math.sqrt(seconds / 60) * random.nextGaussian();
    }
}
