package dev.proctest.engine.processfixtures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.CallRecorder;
import dev.proctest.ChildProcess;
import dev.proctest.Endpoint;
import dev.proctest.JavaChild;
import dev.proctest.Link;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.TestSocket;
import dev.proctest.UnitTest;
import dev.proctest.engine.children.Heating;
import dev.proctest.engine.children.PongServer;
import dev.proctest.engine.children.Relay;
import java.time.Duration;
import org.zeromq.SocketType;

/** What a test's report shows: a child that talks, is paused, resumed and restarted, one killed, calls, and a test that fails. */
public class ReportedTestCase {

    @ProcessTest
    void talksPausesRestartsAndKills(Processes processes, CallRecorder calls) {
        Endpoint endpoint = processes.endpoint("pong");
        ChildProcess pong = processes.spawn(JavaChild.main(PongServer.class).name("pong").args(endpoint.address())
                .readyWhen(Ready.listening(endpoint)));
        Link link = processes.link(endpoint);
        TestSocket ping = processes.socket(SocketType.REQ).connect(link.endpoint());
        ping.send("ping");
        assertThat(ping.receive()).isEqualTo("pong");
        pong.pause();
        pong.resume();
        pong.restart();
        ping.send("ping");
        assertThat(ping.receive()).isEqualTo("pong");

        ChildProcess heating = processes.spawn(JavaChild.main(Heating.class).name("heating").spy(Relay.class)
                .readyWhen(Ready.whenSignalled()));
        calls.awaitConstruction(Relay.class);
        heating.kill();
        heating.awaitExit(Duration.ofSeconds(10));
        link.upstream().delay(Duration.ofMillis(5)); // in force as the test ends
    }

    @ProcessTest
    void failsWithAChildUp(Processes processes) {
        Endpoint endpoint = processes.endpoint("pong");
        processes.spawn(JavaChild.main(PongServer.class).name("doomed").args(endpoint.address()).readyWhen(Ready.listening(endpoint)));
        throw new AssertionError("fails on purpose");
    }

    @UnitTest
    void unitTestsAreInTheReportToo() {
        assertThat(1 + 1).isEqualTo(2);
    }
}
