package dev.proctest.engine.links;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.Endpoint;
import dev.proctest.Transport;
import dev.proctest.engine.endpoints.ScopeEndpoints;
import dev.proctest.engine.sockets.Transcript;
import dev.proctest.engine.support.BackgroundSpawns;
import dev.proctest.engine.support.Forks;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A refused link refuses when {@code refuse()} returns, also while other threads of the test JVM
 * start children: each process holds a copy of the JVM's descriptors, the link's listener among
 * them, from its fork until its exec, and a listener held so goes on accepting.
 */
class LinkRefuseTests {

    private static final int ROUNDS = 150;

    @Test
    void aRefusingLinkRefusesAtOnceWhileProcessesStartAllAround() throws Exception {
        List<String> accepted = new ArrayList<>();
        BackgroundSpawns spawns = new BackgroundSpawns(2, Forks::start);
        try (spawns; ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                ScopeEndpoints endpoints = new ScopeEndpoints(Transport.TCP)) {
            for (int round = 0; round < ROUNDS; round++) {
                LinkProxy link = new LinkProxy("link " + round, endpoints.unnamed(Transport.TCP, "link" + round),
                        Endpoint.tcp(server.getLocalPort()), new Transcript(100));
                try (Socket before = new Socket(InetAddress.getLoopbackAddress(), link.endpoint().port())) {
                    assertThat(before.isConnected()).isTrue();
                    link.refuse();
                    try (Socket after = new Socket()) {
                        after.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), link.endpoint().port()), 1_000);
                        accepted.add("round " + round + ": " + after);
                    } catch (ConnectException refused) {
                        // as it should
                    }
                } finally {
                    link.close();
                }
            }
        }
        assertThat(spawns.stop()).as("processes started meanwhile").isGreaterThan(ROUNDS);
        assertThat(accepted).as("connections accepted after refuse() returned").isEmpty();
    }
}
