package dev.proctest.engine.socketfixtures;

import static dev.proctest.Transport.IPC;
import static dev.proctest.Transport.TCP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.Endpoint;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.TestSocket;
import dev.proctest.Transports;
import java.time.Duration;
import org.zeromq.SocketType;

/** Ten tests, twenty with their transports, each binding two endpoints of its own and talking over them. */
@Transports({TCP, IPC})
public class ParallelEndpointsTestCase {

    @ProcessTest
    void test0(Processes processes) {
        talk(processes);
    }

    @ProcessTest
    void test1(Processes processes) {
        talk(processes);
    }

    @ProcessTest
    void test2(Processes processes) {
        talk(processes);
    }

    @ProcessTest
    void test3(Processes processes) {
        talk(processes);
    }

    @ProcessTest
    void test4(Processes processes) {
        talk(processes);
    }

    @ProcessTest
    void test5(Processes processes) {
        talk(processes);
    }

    @ProcessTest
    void test6(Processes processes) {
        talk(processes);
    }

    @ProcessTest
    void test7(Processes processes) {
        talk(processes);
    }

    @ProcessTest
    void test8(Processes processes) {
        talk(processes);
    }

    @ProcessTest
    void test9(Processes processes) {
        talk(processes);
    }

    private static void talk(Processes processes) {
        for (String name : new String[] {"server", "events"}) {
            Endpoint endpoint = processes.endpoint(name);
            TestSocket rep = processes.socket(SocketType.REP).bind(endpoint); // fails with "address is in use" if another test holds it
            TestSocket req = processes.socket(SocketType.REQ).connect(endpoint).timeout(Duration.ofSeconds(5));
            req.send("ping " + endpoint);
            assertThat(rep.timeout(Duration.ofSeconds(5)).receive()).isEqualTo("ping " + endpoint);
            rep.send("pong");
            assertThat(req.receive()).isEqualTo("pong");
        }
    }
}
