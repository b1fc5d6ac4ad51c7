package dev.proctest.samples.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.ChildProcess;
import dev.proctest.Endpoint;
import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.child.ProcTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Three chat peers that must all have joined before the first of them speaks, or a peer that
 * joins late misses a greeting: a barrier holds each back until all have, instead of polling the
 * server for who is there.
 */
class ChatTests {

    private static final List<String> NAMES = List.of("ann", "bob", "cid");

    @ProcessTest
    void every_peer_hears_every_other_once_all_have_joined(Processes processes) throws Exception {
        Endpoint chat = processes.endpoint("chat");
        processes.spawn(JavaChild.main(ChatServer.class).args(String.valueOf(chat.port())).readyWhen(Ready.listening(chat)));
        List<ChildProcess> peers = new ArrayList<>();
        for (String name : NAMES) { // started at once, each joins when it will
            peers.add(processes.start(JavaChild.main(ChatPeer.class).name(name).args(chat.host(), String.valueOf(chat.port()), name)));
        }

        // a thread per peer: each lambda waits at the barrier for the others, which a shared pool of one thread
        // (CompletableFuture's default on two cores from JDK 20 on) would run only after it
        ExecutorService threads = Executors.newFixedThreadPool(peers.size());
        try {
            List<CompletableFuture<List<String>>> heard = new ArrayList<>();
            for (ChildProcess peer : peers) {
                heard.add(CompletableFuture.supplyAsync(() -> peer.awaitReady().run(() -> { // in the peer's JVM
                    ChatPeer.awaitJoined(Duration.ofSeconds(10));
                    ProcTest.barrier("all joined");
                    ChatPeer.say("hello");
                    return List.of(ChatPeer.next(Duration.ofSeconds(5)), ChatPeer.next(Duration.ofSeconds(5)));
                }, Duration.ofSeconds(30)), threads));
            }
            processes.barrier("all joined", peers.toArray(ChildProcess[]::new));

            for (int i = 0; i < NAMES.size(); i++) {
                String self = NAMES.get(i);
                assertThat(heard.get(i).get(30, TimeUnit.SECONDS)).as("what %s heard", self).containsExactlyInAnyOrderElementsOf(
                        NAMES.stream().filter(name -> !name.equals(self)).map(name -> name + ": hello").toList());
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
