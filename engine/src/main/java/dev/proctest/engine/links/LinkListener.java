package dev.proctest.engine.links;

import dev.proctest.Endpoint;
import dev.proctest.Transport;
import dev.proctest.engine.endpoints.ListeningSockets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A link's listening socket. It listens only while the target does, so that a client of a server
 * that is down, or not up yet, gets a refused connect as it would without the link, rather than a
 * connection accepted and then reset (which a client such as a ZooKeeper follower takes for a
 * server that failed, not for one to retry). The target's state is read from the kernel's socket
 * tables (on Linux; where there are none, by a connection), once when the link opens, whenever a
 * connection to the target is refused, broken or ended by the target (at most every 20 ms), and
 * every {@value #POLL_MILLIS} ms while it is down; not while it is up and nothing tells the link
 * otherwise. While a direction is
 * partitioned it listens whatever the target's state, as a partition hides it; {@link
 * dev.proctest.Link#refuse()} stops it listening. Runs on the link's thread.
 */
final class LinkListener implements LinkLoop.Handler {

    static final long POLL_MILLIS = 50;
    /** The least time between two looks at the target's state while connections end: the tables are read whole. */
    private static final long MIN_LOOK_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final int BACKLOG = 4_096;
    /** How long a closed listener may stay listed, held by a process being started, before the link goes on regardless. */
    private static final long UNLISTED_WAIT_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final LinkCore core;
    private final Endpoint listen;
    private final Endpoint target;
    private ServerSocketChannel channel;
    private boolean refused;
    private boolean targetUp;
    private boolean lostPort;
    private long pollAt;
    /** When the target's state was last read. */
    private long lastLook;

    LinkListener(LinkCore core, Endpoint listen, Endpoint target) {
        this.core = core;
        this.listen = listen;
        this.target = target;
    }

    /** Binds the link's endpoint once, as the link opens, whatever the target's state: a port taken fails here. */
    void open() {
        bind();
        targetMayHaveChanged();
    }

    void refuse(boolean refuse) {
        refused = refuse;
        if (refuse) {
            update();
        } else {
            targetMayHaveChanged(); // nobody looked while it refused
        }
    }

    boolean refused() {
        return refused;
    }

    /** Whether the link listens for the target's sake: it is up, or a partition hides it. */
    boolean targetUp() {
        return targetUp;
    }

    /** Reads the target's state now, and acts on it. */
    void targetMayHaveChanged() {
        lastLook = System.nanoTime();
        try {
            targetUp = ListeningSockets.isListening(target);
        } catch (UncheckedIOException e) { // the tables cannot be read: listen, as a link that cannot tell
            targetUp = true;
            core.notes.trouble(e);
        }
        update();
    }

    /**
     * A connection to the target was refused, or ended: is the target still there? Read soon, once
     * for all the connections that end together (a server that dies ends them all).
     */
    void suspectTarget() {
        long at = Math.max(System.nanoTime() + 1_000_000, lastLook + MIN_LOOK_INTERVAL_NANOS); // a storm of closes is one look
        if (pollAt == 0 || pollAt - at > 0) {
            pollAt = at;
            core.loop.wakeAt(pollAt, this);
        }
    }

    /** Listens or stops, as the faults and the target's state say; polls a target that is down. */
    void update() {
        boolean listening = !refused && (targetUp || core.upstream.partitioned || core.downstream.partitioned);
        if (listening && channel == null) {
            try {
                bind();
                lostPort = false;
            } catch (UncheckedIOException e) { // something else took the port while the target was down: try again
                if (!lostPort) {
                    core.notes.fault("cannot listen again on " + listen + ", which something else took while its target was down:"
                            + " clients reach whatever holds it until it is free again (" + e.getCause().getMessage() + ")");
                }
                lostPort = true;
            }
        } else if (!listening && channel != null) {
            close();
        }
        if ((!targetUp || lostPort) && !refused && pollAt == 0) {
            pollAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS);
            core.loop.wakeAt(pollAt, this);
        }
    }

    @Override
    public void woken(long now, long at) {
        if (pollAt != 0 && now - pollAt >= 0) {
            pollAt = 0;
            targetMayHaveChanged();
        }
    }

    @Override
    public void ready(SelectionKey key, ByteBuffer buffer, long now) {
        acceptPending();
    }

    /** Stops listening; connections the system has accepted already are taken and go on. */
    void close() {
        if (channel != null) {
            acceptPending();
            try {
                channel.close();
            } catch (IOException e) {
                // nothing more to release
            }
            channel = null;
            if (!core.closing()) {
                awaitUnlisted();
            }
        }
    }

    /**
     * Waits until the kernel no longer lists the listener, so that a link refuses when the call
     * that made it refuse returns: a process that another thread of the test JVM starts holds a
     * copy of each of the JVM's descriptors from its fork until its exec, and a listener held so
     * goes on accepting connections, which it resets once the copy closes.
     */
    private void awaitUnlisted() {
        core.loop.completeCloses();
        if (!ListeningSockets.tablesReadable()) {
            return; // asking by connecting would queue a connection: there is nothing to wait with
        }
        long deadline = System.nanoTime() + UNLISTED_WAIT_NANOS;
        while (ListeningSockets.isListening(listen) && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    private void acceptPending() {
        try {
            for (SocketChannel client; channel != null && (client = channel.accept()) != null; ) {
                if (isInet()) {
                    client.setOption(StandardSocketOptions.TCP_NODELAY, true);
                }
                core.accepted(client);
            }
        } catch (IOException e) {
            core.notes.trouble(e);
        }
    }

    private void bind() {
        try {
            if (!isInet()) {
                Files.deleteIfExists(listen.path());
            }
            channel = isInet() ? ServerSocketChannel.open() : ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            if (isInet()) {
                channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            }
            channel.bind(LinkCore.address(listen), BACKLOG);
            core.loop.register(channel, SelectionKey.OP_ACCEPT, this);
        } catch (IOException e) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException closing) {
                    e.addSuppressed(closing);
                }
            }
            channel = null;
            throw new UncheckedIOException("Cannot listen on " + listen + " for a link to " + target, e);
        }
    }

    private boolean isInet() {
        return listen.transport() != Transport.UNIX;
    }
}
