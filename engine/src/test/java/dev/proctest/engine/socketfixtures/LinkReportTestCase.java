package dev.proctest.engine.socketfixtures;

import dev.proctest.Endpoint;
import dev.proctest.JavaChild;
import dev.proctest.LineClient;
import dev.proctest.Link;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.engine.children.LineEcho;
import java.time.Duration;

/** A test that fails with faults in force, for the report it gets. */
public class LinkReportTestCase {

    @ProcessTest
    void failsWhilePartitioned(Processes processes) {
        Endpoint server = processes.endpoint("echo");
        processes.spawn(JavaChild.main(LineEcho.class).args(String.valueOf(server.port())).readyWhen(Ready.listening(server)));
        Link link = processes.link(server);
        LineClient client = processes.lineClient(link.endpoint());
        link.upstream().partition();
        link.downstream().delay(Duration.ofMillis(20));
        link.refuse();
        client.send("lost?");
        client.timeout(Duration.ofMillis(200)).receive();
    }
}
