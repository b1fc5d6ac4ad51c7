package dev.proctest.engine.processfixtures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.ChildProcess;
import dev.proctest.Endpoint;
import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.TestSocket;
import dev.proctest.engine.children.PongServer;
import java.time.Duration;
import org.zeromq.SocketType;

/** What a report shows of readiness: a child the test never awaits, and one that is never ready. */
public class ReadinessReportedTestCase {

    @ProcessTest
    void startsAChildItNeverAwaits(Processes processes) {
        Endpoint endpoint = processes.endpoint("pong");
        ChildProcess unawaited = processes.start(JavaChild.main(PongServer.class).name("unawaited").args(endpoint.address())
                .readyWhen(Ready.listening(endpoint)));
        TestSocket ping = processes.socket(SocketType.REQ).timeout(Duration.ofSeconds(10)).connect(endpoint);
        ping.send("ping");
        assertThat(ping.receive()).isEqualTo("pong"); // it is up; the test never asks whether it is ready
        assertThat(unawaited.isAlive()).isTrue();
    }

    @ProcessTest
    void spawnsAChildThatIsNeverReady(Processes processes) {
        Endpoint endpoint = processes.endpoint("pong");
        processes.spawn(JavaChild.main(PongServer.class).name("never").args(endpoint.address())
                .readyWhen(Ready.whenLogged("a line it never logs").within(Duration.ofMillis(500))));
    }
}
