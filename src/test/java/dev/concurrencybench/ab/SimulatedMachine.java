package dev.concurrencybench.ab;

import dev.concurrencybench.results.BenchMode;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A machine for tests: a fork draws its score from a noise model and moves a virtual clock on by
 * what it would have cost, so whole {@code ab} runs take milliseconds.
 *
 * <p>The noise has the structure measured on 2-vCPU machines (docs/regression-gate.md):
 * <ul>
 *   <li><b>fork levels:</b> each fork (JVM) settles at one of two speed levels for its whole life,
 *       {@link Shape#levelGap} apart, the slower with probability {@link Shape#levelShare};</li>
 *   <li><b>calls:</b> with a {@link Shape}, one-sided: a floor plus a half-normal part and rare spikes
 *       up to {@link Shape#spikeMax}; without one, log-normal around the fork's level;</li>
 *   <li><b>fork bursts:</b> a fork slowed as a whole by a busy neighbour, one-sided
 *       ({@link Shape#burstProbability}), or, machine-wide, {@link Noise#burstProbability} of forks
 *       0.6-0.8x or 1.2-1.6x of their neighbours;</li>
 *   <li>a slow drift of the whole machine, and a small penalty for the second fork of a pair.</li>
 * </ul>
 */
final class SimulatedMachine implements ForkRunner {

    /**
     * One row's behaviour.
     *
     * @param score    the base build's true score, in the row's unit
     * @param seconds  one call (single-shot) or one iteration (timed modes), in seconds
     * @param forkSd   spread of a fork's level beyond its {@link Shape}, as a standard deviation of the log
     * @param callSd   spread of one call around its fork's level (the half-normal's scale with a shape)
     * @param setup    seconds a fork spends before its first call (pools, worker JVMs)
     */
    record Model(double score, double seconds, double forkSd, double callSd, double setup, Shape shape) {

        /** Log-normal forks and calls, without levels, spikes or bursts. */
        Model(double score, double seconds, double forkSd, double callSd, double setup) {
            this(score, seconds, forkSd, callSd, setup, null);
        }
    }

    /**
     * The measured shape of a CPU-bound row's noise.
     *
     * @param levelGap          the slower of the two fork levels, as a log above the faster
     * @param levelShare        the probability that a fork lands on the slower level
     * @param spikeProbability  per call, of a spike
     * @param spikeMax          a spike adds a log uniform in [0, spikeMax]
     * @param burstProbability  per fork, of being slowed as a whole
     * @param burstMax          a burst adds a log uniform in [0, burstMax] to the whole fork
     * @param burstSeconds      bursts only in the run's first this many seconds (a neighbour that goes quiet)
     */
    record Shape(double levelGap, double levelShare, double spikeProbability, double spikeMax, double burstProbability,
                 double burstMax, double burstSeconds) {

        /** Bursts all the run long. */
        Shape(double levelGap, double levelShare, double spikeProbability, double spikeMax, double burstProbability,
              double burstMax) {
            this(levelGap, levelShare, spikeProbability, spikeMax, burstProbability, burstMax, Double.POSITIVE_INFINITY);
        }
    }

    /**
     * @param overhead          seconds of JVM start-up per fork (host and fork)
     * @param burstProbability  per fork, machine-wide, in either direction
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
        Shape shape = m.shape();
        boolean second = calls++ % 2 == 1;
        double level = m.forkSd() * random.nextGaussian() + drift + (second ? noise.secondPenalty() : 0);
        if (random.nextDouble() < noise.burstProbability()) {
            level += (random.nextBoolean() ? 1 : -1) * (0.2 + 0.3 * random.nextDouble());
        }
        if (shape != null) {
            level += random.nextDouble() < shape.levelShare() ? shape.levelGap() : 0;
            boolean bursts = now < shape.burstSeconds() * 1e9;
            level += bursts && random.nextDouble() < shape.burstProbability() ? shape.burstMax() * random.nextDouble() : 0;
        }
        if (side == Side.NEW) {
            level += Math.log(effects.getOrDefault(row, 1.0));
        }
        boolean timed = row.mode() != BenchMode.SINGLE_SHOT_TIME;
        double[] measurements = new double[settings.measurements()];
        for (int i = 0; i < measurements.length; i++) {
            double timeFactor = Math.exp(level + callNoise(m));
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

    /** One call's log time above (or around) its fork's level. */
    private double callNoise(Model m) {
        Shape shape = m.shape();
        if (shape == null) {
            return m.callSd() * random.nextGaussian();
        }
        double spike = random.nextDouble() < shape.spikeProbability() ? shape.spikeMax() * random.nextDouble() : 0;
        return Math.abs(m.callSd() * random.nextGaussian()) + spike;
    }

    private void advance(double seconds) {
        now += (long) (seconds * 1e9);
        drift += noise.driftPerMinute() * Math.sqrt(seconds / 60) * random.nextGaussian();
    }
}
