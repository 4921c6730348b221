package dev.concurrencybench.machine;

/** One way to set the calling thread's CPU affinity on Linux; {@link Affinity} picks one. */
interface ThreadPinner {

    /** How it pins, for the record: {@code sched_setaffinity} or {@code taskset}. */
    String name();

    /** Restricts the calling (platform) thread to {@code cpus}; throws {@link PinningException} when the OS refuses. */
    void pinCurrentThread(CpuList cpus);
}
