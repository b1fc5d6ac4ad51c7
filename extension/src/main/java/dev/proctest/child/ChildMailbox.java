package dev.proctest.child;

import dev.proctest.Mailbox;
import dev.proctest.wire.MailboxValues;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/** A {@link Mailbox} as a child sees it: puts and takes travel to its scope's queue in the test JVM. */
final class ChildMailbox<T extends Serializable> implements Mailbox<T> {

    private final Coordination coordination;
    private final String key;
    private final Class<T> type;

    ChildMailbox(Coordination coordination, String key, Class<T> type) {
        this.coordination = coordination;
        this.key = key;
        this.type = type;
    }

    @Override
    public void put(T value) {
        coordination.put(key, MailboxValues.write(key, value));
    }

    @Override
    public T take() {
        return MailboxValues.read(coordination.take(key, null), key, type, "this child");
    }

    @Override
    public T take(Duration timeout) {
        return MailboxValues.read(coordination.take(key, Objects.requireNonNull(timeout, "timeout")), key, type, "this child");
    }
}
