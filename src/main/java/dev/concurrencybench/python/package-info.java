/**
 * The notebook's own exercises in Python, run from the jar beside the Java suite: the {@code python}
 * subcommand, and the end of a profile run. The Python program itself is src/main/python, packed in
 * the jar; this package finds an interpreter, runs the program in a process tree it can always
 * kill, and writes its results file and sidecar whole or not at all (docs/notebook.md).
 */
package dev.concurrencybench.python;
