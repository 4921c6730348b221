package dev.concurrencybench.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concurrencybench.task.Fib;
import dev.concurrencybench.task.Sleep;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ProtocolTest {

    @Test
    void aRequestIsRunIdAndTheWireForm() {
        assertEquals("run 7 fib 36", Protocol.request(7, new Fib(36)));
        assertEquals("run 8 sleep 100", Protocol.request(8, Sleep.ofMillis(100)));
    }

    @Test
    void helloCarriesVersionAndPid() {
        assertEquals(1234, Protocol.parseHello("hello 1 1234"));
        Protocol.ProtocolException e = assertThrows(Protocol.ProtocolException.class, () -> Protocol.parseHello("hello 2 1234"));
        assertTrue(e.getMessage().contains("version 2"), e.getMessage());
        assertThrows(Protocol.ProtocolException.class, () -> Protocol.parseHello(null));
        assertThrows(Protocol.ProtocolException.class, () -> Protocol.parseHello("Picked up JAVA_TOOL_OPTIONS: -Xmx1g"));
    }

    @Test
    void repliesCarryValueAndThreadOrAnError() {
        Protocol.Reply ok = Protocol.parseReply(3, "ok 3 55 main thread");
        assertEquals(55, ok.value());
        assertEquals("main thread", ok.thread());
        Protocol.Reply err = Protocol.parseReply(4, "err 4 java.lang.IllegalStateException: no");
        assertTrue(err.failed());
        assertEquals("java.lang.IllegalStateException: no", err.error());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ok 3 55", "ok 2 55 main", "ok 3 x main", "OK 3 55 main", "err 2 boom", "", "ok banana"})
    void anythingElseIsMalformed(String line) {
        Protocol.ProtocolException e = assertThrows(Protocol.ProtocolException.class, () -> Protocol.parseReply(3, line));
        assertTrue(e.getMessage().contains(line), e.getMessage());
    }

    @Test
    void theWorkerAnswersRunRequestsAndReportsBadOnesAsErrors() {
        StringBuilder reply = new StringBuilder();
        WorkerMain.answer("run 5 fib 10", reply);
        assertEquals("ok 5 55 " + Thread.currentThread().getName(), reply.toString());
        WorkerMain.answer("run 6 fib -1", reply);
        assertTrue(reply.toString().startsWith("err 6 java.lang.IllegalArgumentException: fib n must be"), reply::toString);
        WorkerMain.answer("hello", reply);
        assertTrue(reply.toString().startsWith("err -1 "), reply::toString);
    }

    @Test
    void theWorkerKnowsItsOwnPid() {
        assertEquals(ProcessHandle.current().pid(), WorkerMain.pid());
    }
}
