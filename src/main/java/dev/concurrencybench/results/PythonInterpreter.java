package dev.concurrencybench.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One Python interpreter that ran the notebook's exercises, as the environment sidecar of a
 * Python results file records it (docs/notebook.md).
 *
 * @param executable     the interpreter's path, e.g. {@code /usr/bin/python3.13t}
 * @param implementation e.g. {@code CPython}
 * @param version        e.g. {@code 3.11.7}
 * @param freeThreaded   whether the build is free-threaded (built without the GIL, PEP 703)
 * @param gilEnabled     whether the GIL was on when it ran: always for a default build; a free-threaded
 *                       build turns it back on for an extension that needs it, or with PYTHON_GIL=1
 * @param startMethod    how its worker processes started: {@code fork}, {@code spawn} or {@code forkserver}
 * @param cpus           the CPUs it could run on, which its pools were sized to
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PythonInterpreter(String executable, String implementation, String version, boolean freeThreaded,
                                boolean gilEnabled, String startMethod, int cpus) {

    /** e.g. {@code CPython 3.13.1, free-threaded, GIL off}. */
    public String summary() {
        return implementation + " " + version + (freeThreaded ? ", free-threaded" : "") + ", GIL " + (gilEnabled ? "on" : "off");
    }
}
