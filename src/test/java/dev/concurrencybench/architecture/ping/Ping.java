package dev.concurrencybench.architecture.ping;

import dev.concurrencybench.architecture.pong.Pong;
import org.openjdk.jmh.annotations.Benchmark;

/** Breaks both architecture rules on purpose (a cycle with Pong, JMH outside bench/), so ArchitectureTest can show they fail. */
public class Ping {

    @Benchmark
    public Pong pong() {
        return new Pong();
    }
}
