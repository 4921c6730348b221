package dev.concurrencybench.model;

import java.util.concurrent.ThreadFactory;

/** Named thread factories, so that every TaskResult says which kind of thread ran it. */
final class Threads {

    private Threads() {
    }

    /** Daemon platform threads named {@code prefix-0, prefix-1, ...}. */
    static ThreadFactory platform(String prefix) {
        return Thread.ofPlatform().name(prefix + "-", 0).daemon(true).factory();
    }

    static ThreadFactory virtual(String prefix) {
        return Thread.ofVirtual().name(prefix + "-", 0).factory();
    }
}
