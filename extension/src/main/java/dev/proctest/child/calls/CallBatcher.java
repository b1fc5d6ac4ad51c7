package dev.proctest.child.calls;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.child.time.OutsideWaits;
import dev.proctest.wire.BatchingSink;
import dev.proctest.wire.SocketLoop;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * Gathers recorded calls into batches for the channel, as the log sink gathers records: one
 * message per call would cap the calls a child can report at the channel's message rate.
 */
@API(status = INTERNAL, since = "0.1")
public final class CallBatcher extends BatchingSink {

    /** @param send sends a batch of calls, each preceded by its length; called on the channel's thread */
    public CallBatcher(SocketLoop channel, Consumer<byte[]> send) {
        super(channel, send);
    }

    /**
     * Adds an encoded call to the waiting batch. On a virtual clock the caller holds the clock
     * meanwhile: the sink's lock and its room are the channel's, which frees them in real time.
     */
    public void add(byte[] call) {
        OutsideWaits.Wait held = OutsideWaits.hold();
        try {
            synchronized (this) {
                if (awaitRoom()) {
                    batch.writeBytes(call, 0, call.length); // its length, then the call
                    added();
                }
            }
        } finally {
            held.close();
        }
    }
}
