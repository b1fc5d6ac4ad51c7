package dev.proctest.engine.calls;

import dev.proctest.RecordedCall;
import dev.proctest.wire.CallCodec;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The calls one child recorded, in the order they arrived, which is the order the child sent them.
 * Every arrival wakes whoever awaits a call, of any child.
 */
public final class ChildCalls {

    private static final Object ARRIVED = new Object();
    private static long generation;

    private final String child;
    private final List<RecordedCall> calls = new ArrayList<>();
    private final List<Consumer<RecordedCall>> listeners = new ArrayList<>();

    public ChildCalls(String child) {
        this.child = child;
    }

    public String child() {
        return child;
    }

    /** Adds a batch of calls the child sent, each preceded by its length; called on the hub's thread. */
    public void add(byte[] batch) {
        ByteBuffer buffer = ByteBuffer.wrap(batch);
        List<RecordedCall> arrived = new ArrayList<>();
        while (buffer.remaining() >= Integer.BYTES) {
            byte[] encoded = new byte[buffer.getInt()];
            buffer.get(encoded);
            arrived.add(new ReceivedCall(child, CallCodec.decode(encoded)));
        }
        synchronized (this) {
            for (RecordedCall call : arrived) {
                calls.add(call);
                listeners.forEach(listener -> listener.accept(call));
            }
        }
        synchronized (ARRIVED) {
            generation++;
            ARRIVED.notifyAll();
        }
    }

    public synchronized List<RecordedCall> calls() {
        return List.copyOf(calls);
    }

    /** Gives {@code listener} every call so far, then every call as it arrives, in order. */
    synchronized void replayAndFollow(Consumer<RecordedCall> listener) {
        calls.forEach(listener);
        listeners.add(listener);
    }

    /** Returns how many calls have arrived, of all children: the generation to wait past. */
    static long generation() {
        synchronized (ARRIVED) {
            return generation;
        }
    }

    /** Waits until a call arrives after {@code seen} or {@code millis} pass. */
    static void awaitAfter(long seen, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        synchronized (ARRIVED) {
            while (generation == seen) {
                long remaining = (deadline - System.nanoTime()) / 1_000_000;
                if (remaining <= 0) {
                    return;
                }
                ARRIVED.wait(remaining);
            }
        }
    }
}
