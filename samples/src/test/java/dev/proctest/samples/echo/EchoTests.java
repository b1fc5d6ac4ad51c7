package dev.proctest.samples.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctest.Endpoint;
import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.ProgramResult;
import dev.proctest.Ready;
import dev.proctest.SystemTest;
import dev.proctest.UnitTest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/** The echo system tested at each level: its protocol, its server process, and the two programs together. */
class EchoTests {

    /** The protocol alone, in the test JVM. */
    @UnitTest
    void protocol_echoes_lines_and_ends_on_bye() {
        assertEquals(Optional.of("echo: hello"), EchoProtocol.reply("hello"));
        assertEquals(Optional.empty(), EchoProtocol.reply("bye"));
    }

    /** The server for real in a child JVM; the test plays its client. */
    @ProcessTest
    void server_echoes_what_a_client_sends(Processes processes) throws IOException {
        Endpoint endpoint = processes.endpoint("echo");
        processes.spawn(JavaChild.main(EchoServer.class).args(String.valueOf(endpoint.port()))
                .readyWhen(Ready.listening(endpoint)));

        try (Socket socket = new Socket(endpoint.host(), endpoint.port());
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8)) {
            socket.setSoTimeout(1_000); // every receive has a deadline
            out.println("hello");
            assertEquals("echo: hello", in.readLine());
        }
    }

    /** Both programs as their users run them: the client's output is what counts. */
    @SystemTest
    void client_prints_the_servers_replies(Processes processes) {
        Endpoint endpoint = processes.endpoint("echo");
        processes.spawn(JavaChild.main(EchoServer.class).args(String.valueOf(endpoint.port()))
                .readyWhen(Ready.whenLogged("listening on port")));

        ProgramResult client = processes.run(JavaChild.main(EchoClient.class).args(String.valueOf(endpoint.port()), "ping", "pong"));

        assertEquals(0, client.exitCode(), client.stderr());
        assertEquals("echo: ping\necho: pong\n", client.stdout());
        assertTrue(client.duration().compareTo(Duration.ZERO) > 0);
    }
}
