package dev.proctest.engine.sockets;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proctest.Endpoint;
import dev.proctest.LineClient;
import dev.proctest.TestSocketException;
import dev.proctest.engine.config.Durations;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * A {@link LineClient} on a socket channel. Reads block with the socket's read timeout set to what
 * remains of the deadline; a partial line stays buffered across reads. Writes switch the channel to
 * non-blocking for the moment, so that a server that does not read cannot hold a send past its
 * deadline.
 */
final class TcpLineClient implements LineClient {

    private static final long WRITE_BACKOFF_NANOS = 1_000_000;
    private static final int WRITE_WINDOW = 1 << 16;

    private final SocketChannel channel;
    private final StreamConnection connection;
    private final Endpoint endpoint;
    private final String name;
    private final SocketScope scope;
    private Duration timeout;
    private byte[] lineEnding = {'\n'};
    private byte[] buffer = new byte[4096];
    private int start;
    private int end;
    private boolean endOfStream;
    private boolean closed;

    private TcpLineClient(StreamConnection connection, Endpoint endpoint, String name, SocketScope scope) {
        this.connection = connection;
        this.channel = connection.channel;
        this.endpoint = endpoint;
        this.name = name;
        this.scope = scope;
        this.timeout = scope.timeout();
    }

    /** Connects to {@code endpoint} within the scope's socket timeout. */
    static TcpLineClient connect(Endpoint endpoint, String name, SocketScope scope) {
        try {
            return new TcpLineClient(StreamConnection.open(endpoint, scope.timeout()), endpoint, name, scope);
        } catch (IOException e) {
            throw new TestSocketException(scope.explain(name + " cannot connect to " + endpoint + " within "
                    + Durations.format(scope.timeout()) + ": " + e.getMessage() + (e instanceof java.net.ConnectException
                            ? " (nothing listens there, or its accept queue is full)" : "") + "."), e);
        }
    }

    @Override
    public Endpoint endpoint() {
        return endpoint;
    }

    @Override
    public synchronized LineClient timeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("A line client's timeout must be positive, was " + timeout);
        }
        this.timeout = timeout;
        return this;
    }

    @Override
    public synchronized LineClient lineEnding(String lineEnding) {
        if (lineEnding.isEmpty()) {
            throw new IllegalArgumentException("A line ending must not be empty");
        }
        this.lineEnding = lineEnding.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    @Override
    public void send(String line) {
        sendBytes(line.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void sendJson(Object body) {
        sendBytes(Json.write(body, describe()));
    }

    @Override
    public synchronized void sendBytes(byte[] bytes) {
        long deadline = System.nanoTime() + timeout.toNanos();
        checkOpen("send " + Frames.render(bytes));
        ByteBuffer line = ByteBuffer.wrap(bytes); // not copied: a copy of megabytes is time the deadline counts
        ByteBuffer ending = ByteBuffer.wrap(lineEnding);
        int size = bytes.length + lineEnding.length;
        boolean blocking = channel.isBlocking(); // a Unix domain socket's never is: it reads through a selector
        try {
            channel.configureBlocking(false);
            try {
                while (ending.hasRemaining()) {
                    if (write(line, ending) == 0) {
                        int unsent = line.remaining() + ending.remaining();
                        if (System.nanoTime() - deadline >= 0) {
                            throw new TestSocketException(scope.explain(describe() + " could not send " + Frames.render(bytes) + " within "
                                    + Durations.format(timeout) + ": the server does not read; " + unsent + " of " + size
                                    + " bytes are unsent."));
                        }
                        if (Thread.currentThread().isInterrupted()) {
                            throw new TestSocketException(describe() + " was interrupted while it sent " + Frames.render(bytes)
                                    + " (by a @Timeout?); " + unsent + " of " + size + " bytes are unsent.");
                        }
                        LockSupport.parkNanos(WRITE_BACKOFF_NANOS); // the send buffer is full: the server is behind
                    }
                }
            } finally {
                channel.configureBlocking(blocking);
            }
        } catch (IOException e) {
            throw new TestSocketException(scope.explain(describe() + " cannot send " + Frames.render(bytes) + ": " + e.getMessage()
                    + " (the server closed the connection?)."), e);
        }
        scope.transcript().sent(name, List.of(bytes));
    }

    /**
     * Writes what the send buffer takes of at most {@value #WRITE_WINDOW} bytes of {@code line}, and of the line {@code ending}
     * once the rest of the line fits in that, in one write: a channel copies all it is given to native memory on every write,
     * and megabytes copied for each try would make a send that cannot go on outlast its deadline.
     */
    private long write(ByteBuffer line, ByteBuffer ending) throws IOException {
        ByteBuffer window = line.duplicate();
        window.limit(Math.min(line.limit(), line.position() + WRITE_WINDOW));
        long written = window.limit() == line.limit() ? channel.write(new ByteBuffer[] {window, ending}) : channel.write(window);
        line.position(window.position());
        return written;
    }

    @Override
    public synchronized String receive() {
        return new String(receiveLine("a line"), StandardCharsets.UTF_8);
    }

    @Override
    public synchronized JsonNode receiveJson() {
        return Json.tree(receiveLine("a line of JSON"), describe() + " received");
    }

    @Override
    public synchronized <T> T receiveJson(Class<T> type) {
        return Json.read(receiveLine("a line of JSON"), type, describe() + " received");
    }

    @Override
    public synchronized List<String> receiveMany(Duration period) {
        return receiveUntil(Integer.MAX_VALUE, period);
    }

    @Override
    public synchronized List<String> receiveUntil(int count, Duration within) {
        if (count < 1) {
            throw new IllegalArgumentException("receiveUntil needs a count of 1 or more, was " + count);
        }
        List<String> lines = new ArrayList<>();
        long deadline = System.nanoTime() + within.toNanos();
        while (lines.size() < count) {
            byte[] line = nextLine(deadline, "lines");
            if (line == null) {
                break;
            }
            lines.add(new String(line, StandardCharsets.UTF_8));
        }
        return lines;
    }

    @Override
    public synchronized List<JsonNode> receiveManyJson(Duration period) {
        return receiveJsonUntil(Integer.MAX_VALUE, period);
    }

    @Override
    public synchronized List<JsonNode> receiveJsonUntil(int count, Duration within) {
        return receiveUntil(count, within).stream().map(line -> Json.tree(line.getBytes(StandardCharsets.UTF_8), describe() + " received"))
                .toList();
    }

    @Override
    public synchronized void expectNothing(Duration period) {
        byte[] line = nextLine(System.nanoTime() + period.toNanos(), "nothing");
        String arrived = line != null ? Frames.render(line)
                : end > start ? "the start of a line, " + Frames.render(Arrays.copyOfRange(buffer, start, end))
                : endOfStream ? "the end of the connection: the server closed it" : null;
        if (arrived != null) {
            throw new TestSocketException(scope.explain(describe() + " expected nothing for " + Durations.format(period) + " but received "
                    + arrived + "."));
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            closeQuietly(connection);
        }
    }

    /** {@code line#1 (connected to tcp://127.0.0.1:5555)}. */
    String describe() {
        return name + " (connected to " + endpoint + ")";
    }

    @Override
    public String toString() {
        return describe();
    }

    private byte[] receiveLine(String awaited) {
        byte[] line = nextLine(System.nanoTime() + timeout.toNanos(), awaited);
        if (line != null) {
            return line;
        }
        String partial = end > start ? " It received the start of a line: " + Frames.render(Arrays.copyOfRange(buffer, start, end)) + "." : "";
        String why = endOfStream ? " the server closed the connection" : " nothing within " + Durations.format(timeout);
        throw new TestSocketException(scope.explain(describe() + " waited for " + awaited + " and received" + why + "." + partial
                + " The conversation so far is in the test's transcript."));
    }

    /** Returns the next whole line, without its ending, or null when the deadline passes or the server closed the connection. */
    private byte[] nextLine(long deadline, String awaited) {
        checkOpen("receive " + awaited);
        int searched = start;
        while (true) {
            for (int i = searched; i < end; i++) {
                if (buffer[i] == '\n') {
                    int lineEnd = i > start && buffer[i - 1] == '\r' ? i - 1 : i;
                    byte[] line = Arrays.copyOfRange(buffer, start, lineEnd);
                    start = i + 1;
                    scope.transcript().received(name, List.of(line));
                    return line;
                }
            }
            searched = end;
            long remaining = deadline - System.nanoTime();
            if (endOfStream || remaining <= 0) {
                return null;
            }
            int searchedPastStart = searched - start;
            makeRoom();
            searched = start + searchedPastStart;
            try {
                int read = connection.read(buffer, end, buffer.length - end, Durations.millisUp(remaining));
                if (read < 0) {
                    endOfStream = true;
                } else if (read == 0) {
                    continue; // nothing within the remaining time: the loop looks at the deadline again
                } else {
                    end += read;
                }
            } catch (ClosedByInterruptException e) {
                closed = true;
                throw new TestSocketException(describe() + " was interrupted while it waited for " + awaited
                        + " (by a @Timeout?), which closed its connection.", e);
            } catch (IOException e) {
                throw new TestSocketException(scope.explain(describe() + " cannot receive " + awaited + ": " + e.getMessage() + "."), e);
            }
        }
    }

    /** Moves the partial line to the front of the buffer and grows it when it is full. */
    private void makeRoom() {
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
    }

    private void checkOpen(String what) {
        if (closed) {
            throw new TestSocketException(describe() + " cannot " + what + ": it is closed");
        }
    }

    private static void closeQuietly(StreamConnection connection) {
        try {
            connection.close();
        } catch (IOException e) {
            // closing: nothing more to do
        }
    }
}
