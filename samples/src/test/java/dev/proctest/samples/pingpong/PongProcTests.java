package dev.proctest.samples.pingpong;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.proctest.ChildProcess;
import dev.proctest.Endpoint;
import dev.proctest.Golden;
import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.ProgramResult;
import dev.proctest.Ready;
import dev.proctest.Stop;
import dev.proctest.SystemTest;
import dev.proctest.TestSocket;
import java.time.Duration;
import java.util.List;
import org.zeromq.SocketType;

/**
 * The article's process tests: PongProc runs for real in a child JVM and the test plays the ping
 * process with a test socket; and its system test: the ping-pong program as users run it, its
 * output compared with a golden file.
 */
class PongProcTests {

    private static ChildProcess pong(Processes processes, Endpoint endpoint) {
        return processes.spawn(JavaChild.main(PongProc.class).args(endpoint.host() + ":" + endpoint.port())
                .readyWhen(Ready.whenLogged("Pong is listening"))
                .stopWith(Stop.bySending(endpoint, SocketType.REQ, "[\"plzdiekthxbye\", null]")));
    }

    @ProcessTest
    void pong_answers_each_ping_with_its_number(Processes processes) {
        Endpoint endpoint = processes.endpoint("pong");
        ChildProcess pong = pong(processes, endpoint);
        TestSocket ping = processes.socket(SocketType.REQ).connect(endpoint);

        for (int i = 0; i < 5; i++) { // the article's five exchanges
            ping.sendJson(List.of("ping", i));
            assertEquals(List.of("pong", i), ping.receiveJson(new TypeReference<List<Object>>() {}));
        }
        pong.logs().await("Pong got request: ping 4"); // what the child printed, as the article checks its log
    }

    @ProcessTest
    void pong_stops_on_plzdiekthxbye(Processes processes) {
        Endpoint endpoint = processes.endpoint("pong");
        ChildProcess pong = pong(processes, endpoint);
        TestSocket ping = processes.socket(SocketType.REQ).connect(endpoint);

        ping.sendJson(List.of("plzdiekthxbye", 0));
        assertEquals(List.of("bye", 0), ping.receiveJson(new TypeReference<List<Object>>() {}));
        assertEquals(0, pong.awaitExit(Duration.ofSeconds(5)));
    }

    @ProcessTest
    void pong_refuses_a_malformed_message_and_goes_on(Processes processes) {
        Endpoint endpoint = processes.endpoint("pong");
        ChildProcess pong = pong(processes, endpoint);
        TestSocket ping = processes.socket(SocketType.REQ).connect(endpoint);

        ping.send("this is no JSON");
        List<Object> refusal = ping.receiveJson(new TypeReference<List<Object>>() {});
        assertEquals("error", refusal.get(0));
        pong.logs().await("Pong refused a message: not a JSON message");

        ping.sendJson(List.of("ping", 9));
        assertEquals(List.of("pong", 9), ping.receiveJson(new TypeReference<List<Object>>() {}));
    }

    @SystemTest
    void ping_pong_prints_five_exchanges(Processes processes) {
        ProgramResult result = processes.run(JavaChild.main(PingPong.class));

        assertEquals(0, result.exitCode(), result.stderr());
        Golden.assertMatches("pingpong.out", result.stdout());
    }
}
