package dev.concurrencybench.report;

import java.util.List;

/**
 * One results file: its name (as shown in the report), its rows and its environment.
 *
 * @param name the file name, e.g. {@code 20260101T120000Z-full.json}
 */
public record Run(String name, List<Measurement> rows, RunEnvironment environment) {

    public Run {
        rows = List.copyOf(rows);
        environment = environment == null ? RunEnvironment.NONE : environment;
    }
}
