package dev.concurrencybench.bench;

/**
 * The heap every benchmark fork gets, in one place: each class's {@code @Fork} appends these
 * ({@code jvmArgsAppend = {Heap.XMS, Heap.XMX}}). A fixed size, so that no measurement includes the
 * heap growing or shrinking and every fork starts alike.
 */
final class Heap {

    static final String XMS = "-Xms2g";
    static final String XMX = "-Xmx2g";

    private Heap() {
    }
}
