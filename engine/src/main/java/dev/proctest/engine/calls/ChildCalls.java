package dev.proctest.engine.calls;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.RecordedCall;
import dev.proctest.engine.logs.ClockNote;
import dev.proctest.engine.support.Changes;
import dev.proctest.wire.CallCodec;
import dev.proctest.wire.MalformedMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * The calls one child recorded, in the order they arrived, which is the order the child sent them.
 * Every arrival signals the child's {@link Changes}.
 */
@API(status = INTERNAL, since = "0.1")
public final class ChildCalls {

    private final String child;
    private final Changes changes;
    private final List<RecordedCall> calls = new ArrayList<>();
    private final List<Consumer<RecordedCall>> listeners = new ArrayList<>();
    private final ClockNote clockNote = new ClockNote();

    public ChildCalls(String child, Changes changes) {
        this.child = child;
        this.changes = changes;
    }

    public String child() {
        return child;
    }

    /** What failure messages about these calls say of the child's virtual clock. */
    public ClockNote clockNote() {
        return clockNote;
    }

    /**
     * Adds a batch of calls the child sent; called on the hub's thread.
     *
     * @throws MalformedMessage if the batch does not decode
     */
    public void add(byte[] batch) {
        List<RecordedCall> arrived = new ArrayList<>();
        for (CallCodec.Call call : CallCodec.decodeBatch(batch)) {
            arrived.add(new ReceivedCall(child, call));
        }
        synchronized (this) {
            for (RecordedCall call : arrived) {
                calls.add(call);
                listeners.forEach(listener -> listener.accept(call));
            }
        }
        changes.signal();
    }

    public synchronized List<RecordedCall> calls() {
        return List.copyOf(calls);
    }

    /** Gives {@code listener} every call so far, then every call as it arrives, in order. */
    synchronized void replayAndFollow(Consumer<RecordedCall> listener) {
        calls.forEach(listener);
        listeners.add(listener);
    }
}
