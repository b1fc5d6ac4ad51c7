package dev.proctest.engine.hub;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.wire.Message;
import dev.proctest.wire.MessageCodec;
import dev.proctest.wire.Protocol;
import dev.proctest.wire.Sockets;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

/** A child's end of the coordinator channel, played by a test: a DEALER with the child's id that sends and receives messages. */
public final class FakeChild {

    private final ZMQ.Socket dealer;

    public FakeChild(ZContext context, Hub hub, String id) {
        dealer = Sockets.configure(context.createSocket(SocketType.DEALER));
        dealer.setIdentity(id.getBytes(UTF_8));
        dealer.setReceiveTimeOut(5_000);
        dealer.connect(hub.address());
    }

    /** Says HELLO as a child of this release would, with {@code token}. */
    public FakeChild hello(String token) {
        return send(new Message.Hello(token, 12345, Protocol.VERSION, Protocol.RELEASE));
    }

    public FakeChild send(Message message) {
        MessageCodec.toZMsg(null, message).send(dealer);
        return this;
    }

    /** Sends frames as they are, whatever they are. */
    public void sendRaw(ZMsg frames) {
        frames.send(dealer);
    }

    /** Closes the connection once what was sent has gone, as a child's ends when its process ends. */
    public void leave() {
        dealer.setLinger(5_000);
        dealer.close();
    }

    /** Returns the next message from the hub, waiting up to 5 s for it. */
    public Message receive() {
        ZMsg reply = ZMsg.recvMsg(dealer);
        assertThat(reply).as("a message from the hub").isNotNull();
        return MessageCodec.fromZMsg(reply);
    }
}
