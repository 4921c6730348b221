package dev.concurrencybench.architecture.pong;

import dev.concurrencybench.architecture.ping.Ping;

/** The other half of the package cycle that ArchitectureTest's rules must catch. */
public class Pong {

    public Ping ping() {
        return new Ping();
    }
}
