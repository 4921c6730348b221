package dev.concurrencybench.ab;

import java.time.Duration;
import java.util.Locale;

/**
 * The budget, minimum effect and detect size of a run: what the command line gives, else
 * {@code --deep}'s preset (55 minutes, 2%, 5%), else the defaults (15 minutes, 5%, twice the
 * minimum effect). The detect size is never below twice the minimum effect unless given.
 */
record Preset(Duration budget, double minEffectPercent, double detectPercent) {

    static Preset of(boolean deep, String budget, Double minEffect, Double detect) {
        double m = minEffect != null ? minEffect : deep ? AbCommand.DEEP_MIN_EFFECT : AbCommand.DEFAULT_MIN_EFFECT;
        if (!(m > 0 && m < 1000)) {
            throw new AbException("--min-effect must be a percentage above 0, got " + m);
        }
        double d = detect != null ? detect : Math.max(2 * m, deep ? AbCommand.DEEP_DETECT : 0);
        if (!(d > m && d < 1000)) {
            throw new AbException("--detect must be a percentage above the minimum effect (" + AbCommand.trim(m) + "), got " + d);
        }
        return new Preset(Durations.parse(budget != null ? budget : deep ? AbCommand.DEEP_BUDGET : AbCommand.DEFAULT_BUDGET), m, d);
    }

    /** E.g. {@code budget 55m00s, minimum effect 2%, detect 5%}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "budget %s, minimum effect %s%%, detect %s%%", Durations.format(budget.toNanos()),
                AbCommand.trim(minEffectPercent), AbCommand.trim(detectPercent));
    }
}
