package dev.proctest.reliability.scale;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.ChildProcess;
import dev.proctest.Endpoint;
import dev.proctest.JavaChild;
import dev.proctest.LineClient;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.TestSocket;
import dev.proctest.Transport;
import dev.proctest.Transports;
import java.time.Duration;
import org.zeromq.SocketType;

/**
 * Five process tests that each spawn a real child and do a little real work with it: the child binds
 * its endpoints, answers a request on each, and the test awaits the record it logs; one test also
 * runs code inside the child. {@link ScaleTestCase}'s classes inherit them, so that a run of many
 * classes is a run of many such tests.
 */
abstract class ScaleBase {

    /**
     * Longer than the default of 1 s: a first receive also waits for the connection's handshake,
     * which on a shared 2-core machine at a load average of 40 took longer than that; what these
     * runs measure is what the test JVM keeps, not how fast it answers.
     */
    private static final Duration WAIT = Duration.ofSeconds(10);

    @ProcessTest
    @Transports({Transport.TCP, Transport.IPC, Transport.UNIX})
    void aChildAnswersOnTheEndpointItBound(Processes processes) {
        Endpoint endpoint = processes.endpoint("answerer");
        ChildProcess child = processes.spawn(answerer(endpoint));

        assertAnswers(processes, child, endpoint, request());
    }

    @ProcessTest
    void aChildAnswersOnEachOfTwoPortsItBound(Processes processes) {
        Endpoint first = processes.endpoint("first");
        Endpoint second = processes.endpoint("second");
        ChildProcess child = processes.spawn(JavaChild.main(Answerer.class).args(first.address(), second.address())
                .readyWhen(Ready.all(Ready.listening(first), Ready.listening(second))));

        assertAnswers(processes, child, first, request() + "-first");
        assertAnswers(processes, child, second, request() + "-second");
    }

    @ProcessTest
    void aChildRunsWhatTheTestSendsIt(Processes processes) {
        Endpoint endpoint = processes.endpoint("answerer");
        ChildProcess child = processes.spawn(answerer(endpoint));

        assertThat(child.run(() -> ProcessHandle.current().pid())).isEqualTo(child.pid());
        assertAnswers(processes, child, endpoint, request());
    }

    private static JavaChild answerer(Endpoint endpoint) {
        return JavaChild.main(Answerer.class).args(endpoint.address()).readyWhen(Ready.listening(endpoint));
    }

    private String request() {
        return getClass().getSimpleName();
    }

    private static void assertAnswers(Processes processes, ChildProcess child, Endpoint endpoint, String request) {
        if (endpoint.transport() == Transport.UNIX) {
            LineClient client = processes.lineClient(endpoint).timeout(WAIT);
            client.send(request);
            assertThat(client.receive()).isEqualTo("pong " + request);
        } else {
            TestSocket req = processes.socket(SocketType.REQ).timeout(WAIT).connect(endpoint);
            req.send(request);
            assertThat(req.receive()).isEqualTo("pong " + request);
        }
        child.logs().await("answered " + request + "$");
    }
}
