package dev.proctest.wire;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * A message on the coordinator channel, one record per kind, encoded and decoded by {@link
 * MessageCodec} at both ends. A child sends a message only after the records it logged and the
 * calls it recorded before it; the test JVM lets what follows records take effect after them.
 */
@API(status = INTERNAL, since = "0.1")
public sealed interface Message {

    /** Child to hub, its first message: the run's token, its pid, and the protocol it speaks. */
    record Hello(String token, long pid, int protocol, String version) implements Message {}

    /** Hub to child: what it runs. */
    record Plan(ChildPlan plan) implements Message {}

    /** Hub to child: the hub did not admit it, and why. */
    record Refused(String reason) implements Message {}

    /** Child to hub: its {@code main} starts, and its time starts at {@code origin}. */
    record Started(TimeOrigin origin) implements Message {}

    /** Child to hub: it called {@code ProcTest.ready()}. */
    record Ready() implements Message {}

    /** Child to hub: a value it published with {@code ProcTest.publish}, serialized. */
    record Publish(String key, byte[] value) implements Message {}

    /** Hub to child: the test JVM is alive; a child that hears nothing for too long exits. */
    record Ping() implements Message {}

    /** Child to hub: a batch of log records, encoded by {@link RecordCodec}. */
    record Logs(byte[] batch) implements Message {}

    /**
     * Hub to child: question {@code number}. The hub read lines from the child's pipes that no
     * record accounts for yet, and asks whether their records are still to come.
     */
    record Sync(long number) implements Message {}

    /**
     * Child to hub: the answer to a {@link Sync}, sent after the records of every line the child had
     * written when the question came: a line read before it and still unaccounted for was written
     * past the runtime.
     */
    record Synced(long number) implements Message {}

    /** Child to hub: calls made on mocked or spied types, a batch encoded by {@link CallCodec#encodeBatch}. */
    record Called(byte[] batch) implements Message {}

    /** Child to hub: call {@code number} of a mocked method whose answer the test JVM computes, encoded by {@link CallCodec}. */
    record Ask(long number, byte[] call) implements Message {}

    /** Hub to child: the answer to {@link Ask} {@code number}. */
    record Answer(long number, Reply reply) implements Message {}

    /** Hub to child: run the serialized {@code RemoteCallable} of {@code child.run}, as run {@code number}. */
    record Run(long number, byte[] callable) implements Message {}

    /** Child to hub: how run {@code number} ended, sent after the records it logged. */
    record Returned(long number, Reply reply) implements Message {}

    /**
     * Child to hub: request {@code number}, the child arrives at barrier {@code barrier} of its
     * scope and waits up to {@code timeoutMillis} of real time, or the configured default if
     * negative.
     */
    record Arrive(long number, String barrier, long timeoutMillis) implements Message {}

    /** Child to hub: puts a serialized value into mailbox {@code key} of its scope. */
    record Put(String key, byte[] value) implements Message {}

    /**
     * Child to hub: request {@code number}, the child takes the oldest value of mailbox {@code key}
     * of its scope, waiting up to {@code timeoutMillis} of real time, or the configured default if
     * negative.
     */
    record Take(long number, String key, long timeoutMillis) implements Message {}

    /**
     * Hub to child: how {@link Arrive} or {@link Take} {@code number} ended: passed (a value with
     * no payload), the value taken (its serialized bytes), or failed, saying why.
     */
    record Granted(long number, Reply reply) implements Message {}

    /** Hub to child: write the code coverage gathered so far now; the child is about to be stopped or killed. */
    record Dump() implements Message {}

    /** Child to hub: the coverage asked for by {@link Dump} is in the file (or there is no coverage agent). */
    record Dumped() implements Message {}

    /** Child to hub, its last message: every record it captured has been sent. */
    record End() implements Message {}

    /**
     * Hub to child, the answer to {@link End}: the hub has read every message the child sent, and the
     * child may close its channel without losing any, however long the test JVM took to read them.
     */
    record Ended() implements Message {}

    /** Returns the name of this kind of message, as its first frame carries it: {@code HELLO}, {@code LOGS}... */
    default String name() {
        return MessageCodec.nameOf(this);
    }
}
