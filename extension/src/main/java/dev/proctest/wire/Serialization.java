package dev.proctest.wire;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import org.apiguardian.api.API;

/**
 * Java serialization of the values that cross the channel: published values, stubs, the lambdas of
 * {@code child.run} and what they return or throw, remote answers. Reading resolves classes
 * through the thread's context class loader first, which knows a test's classes where proctest's
 * own loader may not.
 */
@API(status = INTERNAL, since = "0.1")
public final class Serialization {

    private Serialization() {}

    /** Returns {@code value} serialized; throws the serialization's error for a value that does not serialize. */
    public static byte[] write(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    /** Returns the value {@code bytes} hold. */
    public static Object read(byte[] bytes) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ContextLoaderInput(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        }
    }

    private static final class ContextLoaderInput extends ObjectInputStream {

        ContextLoaderInput(ByteArrayInputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass description) throws IOException, ClassNotFoundException {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            if (loader != null) {
                try {
                    return Class.forName(description.getName(), false, loader);
                } catch (ClassNotFoundException e) {
                    // proctest's own loader, below
                }
            }
            return super.resolveClass(description);
        }
    }
}
