package dev.proctest.engine.sockets;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * What the sockets of one scope share: its transcript, the default timeout, and the last lines its
 * children logged, for the messages of their errors.
 *
 * @param childrenTail the children's last log lines and where their logs are, as a message ends;
 *     empty when there are no children
 */
record SocketScope(Transcript transcript, Duration timeout, Supplier<String> childrenTail) {

    /** Returns {@code message} followed by what the children were logging. */
    String explain(String message) {
        return message + childrenTail.get();
    }
}
