package dev.proctest.engine.child;

import dev.proctest.ChildSpec;
import dev.proctest.JavaChild;
import dev.proctest.RemoteCallable;
import dev.proctest.child.time.ClockRead;
import dev.proctest.internal.Api;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Function;
import java.util.function.LongSupplier;

/** The clock of a child on a virtual clock, read in the child at each call, as the test JVM cannot compute it. */
final class RemoteClock extends Clock {

    private final LongSupplier epochNanos;
    private final ZoneId zone;

    private RemoteClock(LongSupplier epochNanos, ZoneId zone) {
        this.epochNanos = epochNanos;
        this.zone = zone;
    }

    /** The clock of a child on a virtual clock, which {@code run} reads in the child, or else {@code computed}. */
    static Clock orComputed(ChildSpec<?> spec, Clock computed, Function<RemoteCallable<Long>, Long> run) {
        if (spec instanceof JavaChild java && Api.java(java).time().virtual()) {
            return new RemoteClock(() -> run.apply(new ClockRead()), computed.getZone());
        }
        return computed;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return newZone.equals(zone) ? this : new RemoteClock(epochNanos, newZone);
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochSecond(0, epochNanos.getAsLong());
    }

    @Override
    public String toString() {
        return "RemoteClock[" + zone + "]";
    }
}
