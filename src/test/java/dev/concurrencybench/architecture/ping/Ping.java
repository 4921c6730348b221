package dev.concurrencybench.architecture.ping;

import dev.concurrencybench.architecture.pong.Pong;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Breaks both architecture rules on purpose (a cycle with Pong, JMH outside bench/), so that
 * ArchitectureTest can show they fail. No {@code @Benchmark} here: JMH's annotation processor would
 * list it.
 */
public class Ping {

    public void consume(Blackhole blackhole) {
        blackhole.consume(new Pong());
    }
}
