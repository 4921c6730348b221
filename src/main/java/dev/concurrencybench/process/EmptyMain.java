package dev.concurrencybench.process;

/** A main that does nothing: the floor of a JVM start, which SpawnBenchmark compares a worker with. */
public final class EmptyMain {

    private EmptyMain() {
    }

    public static void main(String[] args) {
        // nothing: the cost measured is the JVM's own start and exit
    }
}
