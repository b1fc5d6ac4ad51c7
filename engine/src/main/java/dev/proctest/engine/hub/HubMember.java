package dev.proctest.engine.hub;

import dev.proctest.wire.Plan;
import dev.proctest.wire.TimeOrigin;

/** A child the hub expects: what it sends the child, and whom it tells what the child says. */
public interface HubMember {

    /** Returns the plan the child is sent when it connects. */
    Plan plan();

    /** The child connected and presented the run's token. */
    void admitted();

    /** The child's {@code main} starts, and its time starts at {@code origin}. */
    void started(TimeOrigin origin);

    /** The child called {@code ProcTest.ready()}. */
    void ready();

    /** The child published {@code value}, serialized, under {@code key}. */
    void published(String key, byte[] value);

    /** The child sent a batch of log records. */
    void logged(byte[] batch);

    /** The child answered the hub's question {@code id} ({@link Hub#sync}). */
    void synced(long id);

    /** The child made a call on a type it mocks or spies on: the call, encoded. */
    void called(byte[] call);

    /** The child asks for the answer to a call of a mocked method: the question's number and the call, encoded. */
    void asked(byte[] number, byte[] call);

    /** The child answered call {@code id} ({@link Hub#call}): how it ended, and its serialized payload. */
    void returned(long id, String outcome, byte[] payload);

    /** The child sent its last records. */
    void ended();

    /** Called on the hub's thread every few milliseconds, with the hub's messages so far handled. */
    void tick();

    /** The child wrote its coverage, as asked. */
    default void dumped() {}
}
