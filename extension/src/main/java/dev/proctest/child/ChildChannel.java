package dev.proctest.child;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.proctest.child.calls.CallBatcher;
import dev.proctest.child.calls.RemoteAnswers;
import dev.proctest.child.logging.ConsoleCapture;
import dev.proctest.child.logging.RecordSink;
import dev.proctest.wire.ChildPlan;
import dev.proctest.wire.MalformedMessage;
import dev.proctest.wire.Message;
import dev.proctest.wire.MessageCodec;
import dev.proctest.wire.Protocol;
import dev.proctest.wire.Reply;
import dev.proctest.wire.Serialization;
import dev.proctest.wire.SocketLoop;
import dev.proctest.wire.Sockets;
import dev.proctest.wire.TimeOrigin;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

/** The child's end of the coordinator channel: a DEALER to the test JVM's hub. */
final class ChildChannel {

    private static final Duration TICK = Duration.ofMillis(200);
    private static final Duration SYNC_PATIENCE = Duration.ofSeconds(1);

    private static final Duration SYNC_RECHECK = Duration.ofMillis(1);

    /** How long a child that ends waits for the test JVM to read anything, if its plan gave no heartbeat timeout. */
    private static final long END_PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final long END_CHECK_MILLIS = 20;

    private static volatile ChildChannel current;

    private final ZContext context;
    /** Set as the channel closes: its context's threads may then meet closed pipes. */
    private final AtomicBoolean closing;
    private final SocketLoop loop;
    private final RecordSink sink;
    private final CallBatcher calls;
    private final CompletableFuture<ChildPlan> plan = new CompletableFuture<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private final RemoteRuns runs = new RemoteRuns(this::returned);
    private final Coordination coordination;
    private final AtomicBoolean malformedReported = new AtomicBoolean();
    private volatile long lastHeard = System.nanoTime();
    private long lastTick = System.nanoTime();
    private volatile long heartbeatTimeoutNanos = Long.MAX_VALUE;

    private ChildChannel(ZContext context, ZMQ.Socket dealer, String childId, AtomicBoolean closing) {
        this.context = context;
        this.closing = closing;
        this.loop = new SocketLoop(context, dealer, "proctest-channel-" + childId, this::onMessage, this::onTick, TICK);
        this.sink = new RecordSink(loop, batch -> send(new Message.Logs(batch)));
        this.calls = new CallBatcher(loop, batch -> send(new Message.Called(batch)));
        this.coordination = new Coordination(this::send, loop::isRunning);
    }

    /**
     * Connects to the hub and introduces this child with the run's token.
     *
     * @param waiting how long the hub may fall silent before the plan arrives, or null for no limit
     */
    static ChildChannel connect(String hub, String childId, String token, Duration waiting) {
        AtomicBoolean closing = new AtomicBoolean();
        ZContext context = Sockets.reportFailures(new ZContext(1), "the channel to the test JVM", closing::get);
        ZMQ.Socket dealer = Sockets.configureChannel(context.createSocket(SocketType.DEALER));
        dealer.setIdentity(childId.getBytes(UTF_8));
        dealer.setSndHWM(Sockets.CHANNEL_QUEUE); // beyond it a send waits: a child logging faster than the test JVM reads is slowed down
        dealer.connect(hub);
        ChildChannel channel = new ChildChannel(context, dealer, childId, closing);
        if (waiting != null) {
            channel.heartbeatTimeoutNanos = waiting.toNanos();
        }
        channel.loop.start();
        channel.send(new Message.Hello(token, ProcessHandle.current().pid(), Protocol.VERSION, Protocol.RELEASE));
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
     * @param timeout how long to wait, or null to wait as long as the hub is heard from, as a JVM
     *     of the pool does
     *
     * @throws IllegalStateException saying why there is no plan: refused, or none in time
     */
    ChildPlan awaitPlan(Duration timeout) throws InterruptedException {
        try {
            ChildPlan received = timeout == null ? plan.get() : plan.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
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

    /**
     * Tells the test JVM that every record has been sent: nothing of the child's log is missing. The sink takes no record from now on: a line
     * another shutdown hook prints later reaches the test from the pipes alone, once. A record
     * taken after END would arrive after its line had been judged one without a record, and the
     * line would be in the log twice.
     *
     * <p>Then waits until the hub has read END, and so all that went before it: however long a
     * busy or paused test JVM takes, as long as it keeps reading. It gives up once the channel has
     * taken nothing for the heartbeat timeout (the test JVM reads nothing: it is hung, or gone),
     * and at once when the child ends because the test JVM is gone.
     *
     * @return whether the hub has read everything the child sent
     */
    boolean end() {
        sink.close();
        send(new Message.End()); // after the records taken before the close
        long patience = heartbeatTimeoutNanos == Long.MAX_VALUE ? END_PATIENCE_NANOS : heartbeatTimeoutNanos;
        long since = System.nanoTime();
        while (!ended.isDone()) {
            long lastRead = Math.max(since, loop.lastSentNanos());
            if (Lifeline.isOrphaned() || !loop.isRunning() || System.nanoTime() - lastRead > patience) {
                return false;
            }
            try {
                ended.get(END_CHECK_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // look again
            } catch (ExecutionException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Tells the test JVM that {@code main} starts, and where the child's time starts. */
    void started(TimeOrigin origin) {
        send(new Message.Started(origin));
    }

    void ready() {
        send(new Message.Ready());
    }

    /** Sends a recorded call, in a batch with others. */
    void called(byte[] record) {
        calls.add(record);
    }

    /** Asks the test JVM for the answer to a call, numbered {@code number}; the answer comes to {@link RemoteAnswers}. */
    void ask(long number, byte[] call) {
        send(new Message.Ask(number, call));
    }

    void publish(String key, Serializable value) {
        byte[] serialized;
        try {
            serialized = Serialization.write(value);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot publish [" + key + "]: its value does not serialize", e);
        }
        send(new Message.Publish(key, serialized));
    }

    /** Returns the child's side of its scope's barriers and mailboxes. */
    Coordination coordination() {
        return coordination;
    }

    /** Sends what is still queued, waiting up to {@code flush}, and closes the channel. */
    void close(Duration flush) {
        closing.set(true);
        sink.close();
        calls.close();
        loop.close(flush);
        context.close();
    }

    /** Replies to run {@code number}; a result too large for the channel fails the run, saying so, rather than never arriving. */
    private void returned(long number, Reply reply) {
        try {
            send(new Message.Returned(number, reply));
        } catch (IllegalArgumentException e) {
            send(new Message.Returned(number, Reply.failed(e.getMessage())));
        }
    }

    /** Sends after the records logged so far: a test that sees this message has seen them. */
    private void send(Message message) {
        if (!(message instanceof Message.Logs) && !(message instanceof Message.Called)) {
            sink.flushNow(); // what was logged and called so far goes first
            calls.flushNow();
        }
        loop.send(MessageCodec.toZMsg(null, message));
    }

    private void onMessage(ZMsg frames) {
        lastHeard = System.nanoTime();
        Message message;
        try {
            message = MessageCodec.fromZMsg(frames);
        } catch (MalformedMessage e) {
            if (malformedReported.compareAndSet(false, true)) { // once: a flood must not flood the child's log
                System.err.println("proctest: ignored a malformed message from the test JVM: " + e.getMessage());
            }
            return;
        }
        if (message instanceof Message.Plan received) {
            plan.complete(received.plan());
        } else if (message instanceof Message.Refused refused) {
            plan.completeExceptionally(new IllegalStateException("the test JVM refused this child: " + refused.reason()));
        } else if (message instanceof Message.Sync sync) {
            answerSync(sync.number(), null, System.nanoTime() + SYNC_PATIENCE.toNanos());
        } else if (message instanceof Message.Answer answer) {
            RemoteAnswers.answered(answer.number(), answer.reply());
        } else if (message instanceof Message.Run run) {
            runs.run(run.number(), run.callable());
        } else if (message instanceof Message.Granted granted) {
            coordination.granted(granted.number(), granted.reply());
        } else if (message instanceof Message.Ended) {
            ended.complete(null);
        } else if (message instanceof Message.Dump) {
            Coverage.dump();
            send(new Message.Dumped());
        }
    }

    /**
     * Answers the test JVM's question whether the lines it read from the pipes all have their
     * records: counts the lines written so far, between two writes, and answers once the records
     * of all of them are with the sink, after those records. Lines written meanwhile do not hold
     * the answer back, so a child that logs from many threads without pause is answered too. An
     * event that stays between its appenders longer than the patience allows (an appender that
     * hangs) is not waited for.
     */
    private void answerSync(long number, ConsoleCapture.Lines written, long deadlineNanos) {
        ConsoleCapture.Lines lines = written != null ? written : ConsoleCapture.linesWritten();
        if ((lines == null || !ConsoleCapture.sinkHas(lines)) && System.nanoTime() < deadlineNanos) {
            loop.schedule(() -> answerSync(number, lines, deadlineNanos), SYNC_RECHECK);
        } else {
            send(new Message.Synced(number));
        }
    }

    private void onTick() {
        long now = System.nanoTime();
        if (now - lastTick > TICK.toNanos() * 10) {
            lastHeard = now; // this child stood still (SIGSTOP, a long pause): the test JVM's silence meanwhile was not its own
        }
        lastTick = now;
        long silence = now - lastHeard;
        if (silence > heartbeatTimeoutNanos) {
            heartbeatTimeoutNanos = Long.MAX_VALUE;
            Lifeline.exit("the test JVM has not been heard from for " + TimeUnit.NANOSECONDS.toMillis(silence) + " ms");
        }
    }
}
