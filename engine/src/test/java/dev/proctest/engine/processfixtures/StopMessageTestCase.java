package dev.proctest.engine.processfixtures;

import dev.proctest.Endpoint;
import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.Stop;
import dev.proctest.engine.children.StopsOnMessage;
import java.time.Duration;
import org.zeromq.SocketType;

/** Children stopped by a message at the end of their test: one obeys, one does not. */
public class StopMessageTestCase {

    @ProcessTest
    void obeys(Processes processes) {
        spawn(processes, "obedient");
    }

    @ProcessTest
    void ignores(Processes processes) {
        spawn(processes, "stubborn");
    }

    private static void spawn(Processes processes, String mood) {
        Endpoint endpoint = processes.endpoint("control");
        processes.spawn(JavaChild.main(StopsOnMessage.class).args(endpoint.address(), mood).readyWhen(Ready.listening(endpoint))
                .stopWith(Stop.bySending(endpoint, SocketType.REQ, "bye").within(Duration.ofMillis(1500))));
    }
}
