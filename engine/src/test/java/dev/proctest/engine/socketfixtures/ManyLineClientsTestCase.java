package dev.proctest.engine.socketfixtures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.Endpoint;
import dev.proctest.JavaChild;
import dev.proctest.LineClient;
import dev.proctest.Logs;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.engine.children.LineEcho;
import java.util.List;

/** Ten thousand line clients connected at once to a real TCP server child that echoes lines. */
public class ManyLineClientsTestCase {

    @ProcessTest
    void tenThousandClients(Processes processes, Logs logs) {
        Endpoint endpoint = processes.endpoint("echo");
        processes.spawn(JavaChild.main(LineEcho.class).args(String.valueOf(endpoint.port())).readyWhen(Ready.listening(endpoint)));
        List<LineClient> clients = processes.lineClients(10_000, endpoint);
        for (int i = 0; i < clients.size(); i++) {
            clients.get(i).send("client " + i);
        }
        for (int i = 0; i < clients.size(); i++) {
            assertThat(clients.get(i).receive()).isEqualTo("client " + i);
        }
        logs.await("10000 clients so far"); // ten thousand connections at once, each its own
    }
}
