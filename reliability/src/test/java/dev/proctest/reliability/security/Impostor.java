package dev.proctest.reliability.security;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.proctest.wire.Message;
import dev.proctest.wire.MessageCodec;
import dev.proctest.wire.Protocol;
import dev.proctest.wire.Reply;
import dev.proctest.wire.Serialization;
import dev.proctest.wire.Sockets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

/**
 * A peer that knows the hub's address but not the run's token: it introduces itself with a wrong
 * one, then says what a child says (ready, logs, a call whose answer the test computes, a run's
 * result, a published value, the end of its log) and listens for whatever the hub sends back.
 */
final class Impostor {

    private Impostor() {}

    /** Tries the hub under {@code identity}; returns the names of the messages the hub sent back, in order, joined by spaces. */
    static String tryHub(String hub, String identity) {
        try (ZContext context = new ZContext(1)) {
            ZMQ.Socket dealer = Sockets.configure(context.createSocket(SocketType.DEALER));
            dealer.setIdentity(identity.getBytes(UTF_8));
            dealer.connect(hub);
            List<String> heard = new ArrayList<>();
            send(dealer, new Message.Hello("00112233445566778899aabbccddeeff", 4242, Protocol.VERSION, Protocol.RELEASE));
            listen(dealer, 3_000, heard);
            byte[] noise = new byte[256];
            new Random(7).nextBytes(noise);
            send(dealer, new Message.Ready());
            send(dealer, new Message.Logs(noise));
            send(dealer, new Message.Ask(1, noise));
            send(dealer, new Message.Returned(1, Reply.value("forged")));
            send(dealer, new Message.Publish("forged", serialized("value")));
            send(dealer, new Message.Called(noise));
            send(dealer, new Message.End());
            listen(dealer, 1_500, heard); // an admitted child would hear a PING every second, and an ANSWER
            return String.join(" ", heard);
        }
    }

    private static void send(ZMQ.Socket dealer, Message message) {
        MessageCodec.toZMsg(null, message).send(dealer);
    }

    private static void listen(ZMQ.Socket dealer, int millis, List<String> heard) {
        dealer.setReceiveTimeOut(millis);
        for (ZMsg reply; (reply = ZMsg.recvMsg(dealer)) != null; ) {
            heard.add(reply.getFirst().getString(UTF_8));
            dealer.setReceiveTimeOut(200);
        }
    }

    private static byte[] serialized(String value) {
        try {
            return Serialization.write(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
