package dev.proctest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;

/** Java serialization of values a spec carries to a child. */
final class Serialized {

    private Serialized() {}

    /** @param what what the value is, for the message: "the stub of Relay.state" */
    static byte[] bytes(Object value, String what) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot send " + what + " to the child: " + e, e);
        }
        return bytes.toByteArray();
    }
}
