package dev.proctest.samples.subprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;

import dev.proctest.CallRecorder;
import dev.proctest.ChildProcess;
import dev.proctest.Endpoint;
import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.RecordedCall;
import dev.proctest.TestSocket;
import java.time.Duration;
import org.zeromq.SocketType;

/**
 * The PyZMQ article's "process A starts process B on a random port", tested as the article does:
 * B is mocked inside A's JVM, so the test learns the port A bound from B's construction and plays
 * B's part itself.
 */
class AProcessTests {

    @ProcessTest
    void a_gives_b_the_port_it_bound_and_answers_on_it(Processes processes, CallRecorder calls) {
        talkToA(processes, calls, JavaChild.main(AProcess.class));
    }

    /** B may be created on any thread of A: here a worker's. */
    @ProcessTest
    void b_created_on_a_worker_thread_is_mocked_too(Processes processes, CallRecorder calls) {
        RecordedCall created = talkToA(processes, calls, JavaChild.main(AProcess.class).args("worker"));
        assertEquals("b-starter", created.thread());
    }

    private static RecordedCall talkToA(Processes processes, CallRecorder calls, JavaChild a) {
        ChildProcess child = processes.spawn(a.mock(BProcess.class).readyWhen(Ready.whenLogged("A listening")));

        RecordedCall created = calls.awaitConstruction(BProcess.class);
        int port = created.argument(0, Integer.class);
        TestSocket b = processes.socket(SocketType.REQ).connect(Endpoint.tcp(port));
        b.send("ping");
        assertEquals("pong", b.receive());

        verify(calls.mirror(BProcess.class), timeout(1_000)).start();
        b.send("plzdiekthxbye");
        assertEquals("bye", b.receive());
        assertEquals(0, child.awaitExit(Duration.ofSeconds(5)));
        return created;
    }
}
