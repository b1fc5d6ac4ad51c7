package dev.proctest.wire;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.apiguardian.api.API;

/**
 * The version of the coordinator protocol, which every child states in its {@link
 * Message.Hello}: a child whose proctest jars speak another version than the test JVM's is refused
 * with both versions named, rather than misunderstood.
 */
@API(status = INTERNAL, since = "0.1")
public final class Protocol {

    /** Raised whenever a message's layout or meaning changes. */
    public static final int VERSION = 5;

    /** The proctest release these classes belong to, as the build stamped it. */
    public static final String RELEASE = release();

    private Protocol() {}

    /** Says a version as messages name it: {@code proctest 0.1.0 (protocol 2)}. */
    public static String describe(String release, int protocol) {
        return "proctest " + release + " (protocol " + protocol + ")";
    }

    private static String release() {
        Properties properties = new Properties();
        try (InputStream in = Protocol.class.getResourceAsStream("release.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("release", "unknown");
    }
}
