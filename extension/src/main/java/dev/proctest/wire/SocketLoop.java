package dev.proctest.wire;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channel;
import java.nio.channels.Pipe;
import java.time.Duration;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apiguardian.api.API;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

/**
 * One thread that owns a JeroMQ socket, which is not thread-safe: it receives every message, and
 * runs on itself the tasks other threads hand it, such as sending a message ({@link #send}). A pipe
 * wakes the thread at once when a task is handed over, so a send costs no polling delay.
 */
@API(status = INTERNAL, since = "0.1")
public final class SocketLoop implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SocketLoop.class.getName());

    /** How many times the closing loop runs what tasks hand over to each other, at most. */
    private static final int LAST_ROUNDS = 10;

    private final ZContext context;
    private final ZMQ.Socket socket;
    private final Consumer<ZMsg> onMessage;
    private final Runnable onTick;
    private final long tickMillis;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final PriorityQueue<Timed> timed = new PriorityQueue<>(Comparator.comparingLong(Timed::dueNanos));
    private final Pipe wakeup;
    private final Thread thread;
    private volatile boolean closing;
    private volatile Duration flushTimeout = Duration.ZERO;
    /** When a send last handed its message to the socket: a send waits while the peer reads nothing and the socket's queue is full. */
    private volatile long lastSentNanos = System.nanoTime();

    /**
     * @param onMessage called on the loop's thread with every message received
     * @param onTick called on the loop's thread at least every {@code tick}
     */
    public SocketLoop(ZContext context, ZMQ.Socket socket, String threadName, Consumer<ZMsg> onMessage, Runnable onTick,
            Duration tick) {
        this.context = context;
        this.socket = socket;
        this.onMessage = onMessage;
        this.onTick = onTick;
        this.tickMillis = tick.toMillis();
        try {
            this.wakeup = Pipe.open();
            wakeup.source().configureBlocking(false);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the wake-up pipe of " + threadName, e);
        }
        this.thread = new Thread(this::loop, threadName);
        thread.setDaemon(true);
    }

    public SocketLoop start() {
        thread.start();
        return this;
    }

    /**
     * Sends {@code message}: at once on the loop's thread, so that a task's sends keep their order
     * with the task's own; else handed to the loop, in order with the other tasks. Safe from any
     * thread.
     */
    public void send(ZMsg message) {
        if (isLoopThread()) {
            sendNow(message);
        } else {
            execute(() -> sendNow(message));
        }
    }

    /**
     * Returns the {@link System#nanoTime()} at which the last send handed its message to the
     * socket: while it lies in the past, the peer has read nothing for that long.
     */
    public long lastSentNanos() {
        return lastSentNanos;
    }

    private void sendNow(ZMsg message) {
        message.send(socket, true);
        lastSentNanos = System.nanoTime();
    }

    /** Returns whether the loop still runs what it is handed. */
    public boolean isRunning() {
        return thread.isAlive() && !closing;
    }

    /** Returns whether the caller runs on the loop's thread. */
    public boolean isLoopThread() {
        return Thread.currentThread() == thread;
    }

    /** Runs {@code task} on the loop's thread, in the order tasks were handed over; safe from any thread. */
    public void execute(Runnable task) {
        tasks.add(task);
        wake();
    }

    /**
     * Runs {@code task} on the loop's thread once {@code delay} has passed; safe from any thread.
     * With no delay it runs in order with the tasks given to {@link #execute}.
     */
    public void schedule(Runnable task, Duration delay) {
        if (delay.isZero()) {
            execute(task);
            return;
        }
        synchronized (timed) {
            timed.add(new Timed(System.nanoTime() + delay.toNanos(), task));
        }
        wake();
    }

    private record Timed(long dueNanos, Runnable task) {}

    /**
     * Stops the loop after it has run what it was handed, giving the socket up to {@code flush} to
     * deliver what was sent, and waits for the loop's thread to end.
     */
    public void close(Duration flush) {
        flushTimeout = flush;
        closing = true;
        wake();
        try {
            thread.join(flush.toMillis() + 1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(Duration.ZERO);
    }

    private void loop() {
        ZMQ.Poller poller = context.createPoller(2);
        poller.register(socket, ZMQ.Poller.POLLIN);
        poller.register(wakeup.source(), ZMQ.Poller.POLLIN);
        ByteBuffer drain = ByteBuffer.allocate(64);
        try {
            while (!closing && !Thread.currentThread().isInterrupted()) {
                poller.poll(pollMillis());
                if (poller.pollin(0)) {
                    receiveAll();
                }
                if (poller.pollin(1)) {
                    drainWakeups(drain);
                }
                runTasks();
                runDueTasks(false);
                guarded(onTick, "its tick");
            }
            // Tasks may hand over more tasks (an answer that waits for a write in progress): run them, a bounded number of rounds.
            for (int round = 0; round < LAST_ROUNDS && (!tasks.isEmpty() || hasTimedTasks()); round++) {
                runTasks();
                runDueTasks(true);
            }
        } catch (RuntimeException e) {
            if (!closing) { // polling failed: the socket or its context is gone
                LOG.log(System.Logger.Level.ERROR, thread.getName() + " stopped: its socket failed", e);
            }
        } finally {
            poller.close();
            socket.setLinger((int) flushTimeout.toMillis());
            socket.close();
            closeQuietly(wakeup.source());
            closeQuietly(wakeup.sink());
        }
    }

    private void receiveAll() {
        ZMsg message;
        while ((message = ZMsg.recvMsg(socket, ZMQ.DONTWAIT)) != null) {
            ZMsg received = message;
            guarded(() -> onMessage.accept(received), "a message");
        }
    }

    /** Runs {@code work}; a failure is logged, and the loop, which every message needs, goes on. */
    private void guarded(Runnable work, String what) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, thread.getName() + " failed on " + what + "; it goes on", e);
        }
    }

    private boolean hasTimedTasks() {
        synchronized (timed) {
            return !timed.isEmpty();
        }
    }

    /** Waits no longer than the next timed task allows; a poll of 0 would not wait at all. */
    private long pollMillis() {
        synchronized (timed) {
            if (timed.isEmpty()) {
                return tickMillis;
            }
            long untilDue = TimeUnit.NANOSECONDS.toMillis(timed.peek().dueNanos() - System.nanoTime());
            return Math.max(1, Math.min(tickMillis, untilDue));
        }
    }

    private void runDueTasks(boolean all) {
        while (true) {
            Runnable task;
            synchronized (timed) {
                if (timed.isEmpty() || !all && timed.peek().dueNanos() > System.nanoTime()) {
                    return;
                }
                task = timed.poll().task();
            }
            guarded(task, "a timed task");
        }
    }

    private void runTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            guarded(task, "a task");
        }
    }

    private void wake() {
        try {
            wakeup.sink().write(ByteBuffer.wrap(new byte[] {1}));
        } catch (IOException e) {
            // The loop has ended and closed the pipe: nothing is left to wake.
        }
    }

    private void drainWakeups(ByteBuffer buffer) {
        try {
            while (wakeup.source().read(buffer.clear()) > 0) {
                // keep reading until the pipe is empty
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(Channel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // closing at the end of the loop: nothing to do about it
        }
    }
}
