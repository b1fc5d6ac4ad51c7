package dev.proctest.child;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.proctest.child.calls.CallBatcher;
import dev.proctest.child.calls.RemoteAnswers;
import dev.proctest.child.logging.ConsoleCapture;
import dev.proctest.child.logging.RecordSink;
import dev.proctest.wire.MessageType;
import dev.proctest.wire.Plan;
import dev.proctest.wire.SocketLoop;
import dev.proctest.wire.Sockets;
import dev.proctest.wire.TimeOrigin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

/** The child's end of the coordinator channel: a DEALER to the test JVM's hub. */
final class ChildChannel {

    private static final Duration TICK = Duration.ofMillis(200);
    private static final Duration SYNC_PATIENCE = Duration.ofMillis(100);

    /** How many messages may wait in the socket: batches of up to 64 KB, so about 4 MB. */
    private static final int SEND_QUEUE = 64;
    private static final Duration SYNC_RECHECK = Duration.ofMillis(1);

    private static volatile ChildChannel current;

    private final ZContext context;
    private final SocketLoop loop;
    private final RecordSink sink;
    private final CallBatcher calls;
    private final CompletableFuture<Plan> plan = new CompletableFuture<>();
    private final RemoteCalls remoteCalls = new RemoteCalls((id, outcome, payload) ->
            send(MessageType.RETURNED, id, outcome.getBytes(UTF_8), payload));
    private volatile long lastHeard = System.nanoTime();
    private volatile long heartbeatTimeoutNanos = Long.MAX_VALUE;

    private ChildChannel(ZContext context, ZMQ.Socket dealer, String childId) {
        this.context = context;
        this.loop = new SocketLoop(context, dealer, "proctest-channel-" + childId, this::onMessage, this::onTick, TICK);
        this.sink = new RecordSink(loop, batch -> send(MessageType.LOGS, batch));
        this.calls = new CallBatcher(loop, batch -> send(MessageType.CALLED, batch));
    }

    /** Connects to the hub and introduces this child with the run's token. */
    static ChildChannel connect(String hub, String childId, String token) {
        ZContext context = new ZContext(1);
        ZMQ.Socket dealer = Sockets.configure(context.createSocket(SocketType.DEALER));
        dealer.setIdentity(childId.getBytes(UTF_8));
        dealer.setSndHWM(SEND_QUEUE); // beyond it a send waits: a child logging faster than the test JVM reads is slowed down
        dealer.connect(hub);
        ChildChannel channel = new ChildChannel(context, dealer, childId);
        channel.loop.start();
        channel.send(MessageType.HELLO, token.getBytes(UTF_8), Long.toString(ProcessHandle.current().pid()).getBytes(UTF_8));
        return channel;
    }

    /** Returns the channel of this child JVM, or null outside a proctest child. */
    static ChildChannel current() {
        return current;
    }

    /**
     * Waits for the plan; from then on this is the JVM's channel, and it ends the JVM if the hub
     * falls silent for longer than the plan allows.
     *
     * @throws IllegalStateException saying why there is no plan: refused, or none in time
     */
    Plan awaitPlan(Duration timeout) throws InterruptedException {
        try {
            Plan received = plan.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            heartbeatTimeoutNanos = received.heartbeatTimeout().toNanos();
            current = this;
            return received;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the test JVM sent no plan within " + timeout.toSeconds() + " s", e);
        }
    }

    /** Returns where this child's log records go. */
    RecordSink sink() {
        return sink;
    }

    /** Tells the test JVM that every record has been sent: nothing of the child's log is missing. */
    void end() {
        send(MessageType.END);
    }

    /** Tells the test JVM that {@code main} starts, and where the child's time starts. */
    void started(TimeOrigin origin) {
        send(MessageType.STARTED, origin.encode());
    }

    void ready() {
        send(MessageType.READY);
    }

    /** Sends a recorded call, in a batch with others. */
    void called(byte[] record) {
        calls.add(record);
    }

    /** Asks the test JVM for the answer to a call, numbered {@code number}; the answer comes to {@link RemoteAnswers}. */
    void ask(byte[] number, byte[] call) {
        send(MessageType.ASK, number, call);
    }

    void publish(String key, Serializable value) {
        send(MessageType.PUBLISH, key.getBytes(UTF_8), serialize(key, value));
    }

    /** Sends what is still queued, waiting up to {@code flush}, and closes the channel. */
    void close(Duration flush) {
        sink.close();
        calls.close();
        loop.close(flush);
        context.close();
    }

    /** Sends after the records logged so far: a test that sees this message has seen them. */
    private void send(MessageType type, byte[]... frames) {
        if (type != MessageType.LOGS && type != MessageType.CALLED) {
            sink.flushNow(); // what was logged and called so far goes first
            calls.flushNow();
        }
        ZMsg message = new ZMsg();
        message.add(type.frame());
        for (byte[] frame : frames) {
            message.add(frame);
        }
        loop.send(message);
    }

    private void onMessage(ZMsg message) {
        lastHeard = System.nanoTime();
        MessageType type = MessageType.of(message.pop().getData());
        if (type == MessageType.PLAN) {
            plan.complete(Plan.decode(message.pop().getData()));
        } else if (type == MessageType.REFUSED) {
            plan.completeExceptionally(new IllegalStateException("the test JVM refused this child: " + message.popString()));
        } else if (type == MessageType.SYNC) {
            answerSync(message.pop().getData(), System.nanoTime() + SYNC_PATIENCE.toNanos());
        } else if (type == MessageType.ANSWER) {
            RemoteAnswers.answered(message.pop().getData(), message.popString(), message.pop().getData());
        } else if (type == MessageType.CALL) {
            remoteCalls.run(message.pop().getData(), message.pop().getData());
        } else if (type == MessageType.DUMP) {
            Coverage.dump();
            send(MessageType.DUMPED);
        }
    }

    /**
     * Answers the test JVM's question whether the lines it read from the pipes all have their
     * records: once no write is under way, after every record logged so far. A write that stays
     * under way longer than the patience allows (an appender that hangs) is not waited for.
     */
    private void answerSync(byte[] id, long deadlineNanos) {
        if (ConsoleCapture.isMidWrite() && System.nanoTime() < deadlineNanos) {
            loop.schedule(() -> answerSync(id, deadlineNanos), SYNC_RECHECK);
        } else {
            send(MessageType.SYNCED, id);
        }
    }

    private void onTick() {
        long silence = System.nanoTime() - lastHeard;
        if (silence > heartbeatTimeoutNanos) {
            heartbeatTimeoutNanos = Long.MAX_VALUE;
            Lifeline.exit("the test JVM has not been heard from for " + TimeUnit.NANOSECONDS.toMillis(silence) + " ms");
        }
    }

    private static byte[] serialize(String key, Serializable value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot publish [" + key + "]: its value does not serialize", e);
        }
        return bytes.toByteArray();
    }
}
