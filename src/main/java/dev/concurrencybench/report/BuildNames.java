package dev.concurrencybench.report;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The report's one policy for names that results files carry, such as a model, a counter variant
 * or where a counter is shared. A results file may come from an older or newer build of the suite
 * than the one drawing the report, so each name is looked up in this build's enum by its exact
 * constant name. A name this build lacks is never guessed and never an error: the caller draws
 * the row without what the enum would have told it, and the chart gets one note naming every such
 * name (see {@link #note(String)}).
 *
 * <p>Use one instance per chart, so its note lists the names met on that chart.
 */
final class BuildNames<E extends Enum<E>> {

    private final Class<E> type;
    private final String what;
    private final Set<String> unknown = new LinkedHashSet<>();

    /**
     * @param what the names' kind in a sentence, e.g. {@code model}
     */
    BuildNames(Class<E> type, String what) {
        this.type = type;
        this.what = what;
    }

    /** The constant called {@code name}; empty, and remembered for the note, when this build has none. */
    Optional<E> find(String name) {
        if (name == null) {
            return Optional.empty(); // a missing param is the caller's matter, not another build's name
        }
        try {
            return Optional.of(Enum.valueOf(type, name.strip()));
        } catch (IllegalArgumentException e) {
            unknown.add(name.strip());
            return Optional.empty();
        }
    }

    /**
     * One sentence naming the unknown names met so far and what the chart does without them,
     * e.g. {@code "... not a model of this build ...: QUANTUM_THREADS; drawn without an ideal."};
     * empty when every name was known.
     *
     * @param consequence what the chart leaves out, e.g. {@code drawn without an ideal}
     */
    Optional<String> note(String consequence) {
        if (unknown.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Not a " + what + " of this build of the suite (the results file comes from an older or newer"
                + " version): " + String.join(", ", unknown) + "; " + consequence + ".");
    }
}
