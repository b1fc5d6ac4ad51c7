package dev.proctest.engine.stop;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.Stop;
import dev.proctest.TestSocketException;
import dev.proctest.engine.config.Durations;
import dev.proctest.internal.StopPlan;
import dev.proctest.wire.Sockets;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apiguardian.api.API;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/** Sends the stop message of a {@link Stop#bySending} child, on a socket of its own. */
@API(status = INTERNAL, since = "0.1")
public final class StopMessages {

    private StopMessages() {}

    /**
     * Connects, sends the message and closes the socket, leaving the message up to {@code timeout}
     * to reach the child.
     *
     * @throws TestSocketException if the message cannot be queued within {@code timeout}
     */
    public static void send(ZContext context, StopPlan.Message message, Duration timeout) {
        int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
        ZMQ.Socket socket = Sockets.configure(context.createSocket(message.type()));
        try {
            socket.setSendTimeOut(millis);
            socket.connect(message.endpoint().address());
            if (!socket.send(message.text().getBytes(StandardCharsets.UTF_8))) {
                throw new TestSocketException("the " + message.type() + " socket to " + message.endpoint() + " could not send ["
                        + message.text() + "] within " + Durations.format(timeout));
            }
            socket.setLinger(millis); // the message may still be on its way: closing must not drop it
        } catch (ZMQException e) {
            throw new TestSocketException("the " + message.type() + " socket to " + message.endpoint() + " could not send ["
                    + message.text() + "]: " + e.getMessage(), e);
        } finally {
            socket.close();
        }
    }
}
