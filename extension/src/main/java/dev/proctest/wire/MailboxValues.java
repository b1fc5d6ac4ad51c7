package dev.proctest.wire;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.CoordinationException;
import java.io.IOException;
import java.io.Serializable;
import org.apiguardian.api.API;

/** The values of mailboxes, as both ends write and read them: serialized when put, read by the taker. */
@API(status = INTERNAL, since = "0.4")
public final class MailboxValues {

    private MailboxValues() {}

    /** Serializes a value to put, failing at once for one that does not serialize or is too large to travel. */
    public static byte[] write(String key, Serializable value) {
        byte[] bytes;
        try {
            bytes = Serialization.write(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot put into mailbox '" + key + "': the value does not serialize: " + e, e);
        }
        if (bytes.length > Sockets.CHANNEL_FRAME_LIMIT) {
            throw new IllegalArgumentException("Cannot put into mailbox '" + key + "': the value takes " + (bytes.length >> 20)
                    + " MiB serialized, more than the " + (Sockets.CHANNEL_FRAME_LIMIT >> 20) + " MiB the channel carries");
        }
        return bytes;
    }

    /**
     * Reads a value taken from mailbox {@code key} as a {@code type}.
     *
     * @param here who took it, for messages: "this child", "the test JVM"
     * @throws CoordinationException if it does not deserialize here or is not a {@code type}
     */
    public static <T> T read(byte[] value, String key, Class<T> type, String here) {
        Object taken;
        try {
            taken = Serialization.read(value);
        } catch (IOException | ClassNotFoundException e) {
            throw new CoordinationException("Took a value from mailbox '" + key + "' that " + here + " cannot read, and it is gone"
                    + " from the mailbox: " + e, e);
        }
        if (taken != null && !type.isInstance(taken)) {
            throw new CoordinationException("Took a " + taken.getClass().getName() + " (" + taken + ") from mailbox '" + key
                    + "', not a " + type.getName() + "; it is gone from the mailbox");
        }
        return type.cast(taken);
    }
}
