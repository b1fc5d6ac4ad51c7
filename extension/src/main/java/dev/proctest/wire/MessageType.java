package dev.proctest.wire;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.nio.charset.StandardCharsets;
import org.apiguardian.api.API;

/** What a message on the coordinator channel is; its name is the message's first frame. */
@API(status = INTERNAL, since = "0.1")
public enum MessageType {

    /** Child to hub: the run's token and the child's pid; the child's first message. */
    HELLO,
    /** Hub to child: the {@link Plan} the child runs. */
    PLAN,
    /** Hub to child: the hub did not admit the child; a frame says why. */
    REFUSED,
    /** Child to hub: the child loaded its main class and is about to call {@code main}. */
    STARTED,
    /** Child to hub: the child called {@code ProcTest.ready()}. */
    READY,
    /** Child to hub: a key and a serialized value from {@code ProcTest.publish}. */
    PUBLISH,
    /** Hub to child: the test JVM is alive; a child that hears nothing for too long exits. */
    PING,
    /** Child to hub: a batch of log records, encoded by {@link RecordCodec}. */
    LOGS,
    /**
     * Hub to child: a number. The hub read lines from the child's pipes that no record accounts
     * for yet, and asks whether their records are still to come.
     */
    SYNC,
    /**
     * Child to hub: the number of a {@link #SYNC}, sent after the records of every line the child
     * had written when the question came: a line read before the question and still unaccounted
     * for was written past the runtime.
     */
    SYNCED,
    /** Child to hub: calls made on mocked or spied types, each encoded by {@link CallCodec} and preceded by its length. */
    CALLED,
    /**
     * Child to hub: a number and a call, encoded by {@link CallCodec}, of a mocked method whose
     * answer the test JVM computes; the child's call waits for the {@link #ANSWER}.
     */
    ASK,
    /** Hub to child: the number of an {@link #ASK}, the outcome ({@code value}, {@code thrown}, {@code failed}) and its payload. */
    ANSWER,
    /** Hub to child: a call number and a serialized {@code RemoteCallable} to run. */
    CALL,
    /**
     * Child to hub: the number of a {@link #CALL}, its outcome ({@code value}, {@code thrown}, or
     * {@code failed} when neither serializes) and the serialized value, throwable, or text of the
     * failure; sent after the records the call logged.
     */
    RETURNED,
    /**
     * Hub to child: write the code coverage gathered so far to the coverage file now; the child is
     * about to be stopped or killed.
     */
    DUMP,
    /** Child to hub: the coverage asked for by {@link #DUMP} is in the file (or there is no coverage agent). */
    DUMPED,
    /** Child to hub: the child's last message: every record it captured has been sent. */
    END;

    private final byte[] frame = name().getBytes(StandardCharsets.US_ASCII);

    /** Returns this type as the first frame of a message. */
    public byte[] frame() {
        return frame.clone();
    }

    /** Returns the type a message's first frame names, or null for an unknown frame. */
    public static MessageType of(byte[] frame) {
        String name = new String(frame, StandardCharsets.US_ASCII);
        for (MessageType type : values()) {
            if (type.name().equals(name)) {
                return type;
            }
        }
        return null;
    }
}
