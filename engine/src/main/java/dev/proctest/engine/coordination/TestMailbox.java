package dev.proctest.engine.coordination;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.Mailbox;
import dev.proctest.wire.MailboxValues;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/** A {@link Mailbox} as the test sees it: its scope's queue, in this JVM. */
@API(status = INTERNAL, since = "0.4")
public final class TestMailbox<T extends Serializable> implements Mailbox<T> {

    private final Supplier<Coordination> coordination;
    private final Runnable checkFaults;
    private final String key;
    private final Class<T> type;

    /** @param checkFaults fails with what the children in view threw or logged that fails the test, before each call */
    public TestMailbox(Supplier<Coordination> coordination, Runnable checkFaults, String key, Class<T> type) {
        this.coordination = coordination;
        this.checkFaults = checkFaults;
        this.key = Objects.requireNonNull(key, "key");
        this.type = Objects.requireNonNull(type, "type");
    }

    @Override
    public void put(T value) {
        checkFaults.run();
        coordination.get().put(key, MailboxValues.write(key, value));
    }

    @Override
    public T take() {
        checkFaults.run();
        return MailboxValues.read(coordination.get().testTakes(key, null), key, type, "the test JVM");
    }

    @Override
    public T take(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        checkFaults.run();
        return MailboxValues.read(coordination.get().testTakes(key, timeout), key, type, "the test JVM");
    }

    @Override
    public String toString() {
        return "mailbox '" + key + "'";
    }
}
