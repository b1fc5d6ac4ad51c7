package dev.proctest.wire;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.apiguardian.api.API;

/**
 * Where a child's time started: its time when its {@code main} started, the real time then, and
 * its factor. Any JVM on the machine computes the child's current time from it: child time is
 * {@code childEpochNanos + (real now - realEpochNanos) * factor}. The child reports it with its
 * plan's clock offset but without the test's shifts of its wall clock, which the test JVM counts
 * itself and adds with {@link #shifted}.
 */
@API(status = INTERNAL, since = "0.1")
public record TimeOrigin(long childEpochNanos, long realEpochNanos, double factor, String zone) {

    /** The origin of a child running on real time. */
    public static TimeOrigin real() {
        return new TimeOrigin(0, 0, 1, ZoneId.systemDefault().getId());
    }

    /** The child's time for a real time, both in nanoseconds since the epoch. */
    public long childNanos(long realEpochNanos) {
        return factor == 1 && childEpochNanos == this.realEpochNanos
                ? realEpochNanos
                : childEpochNanos + (long) ((realEpochNanos - this.realEpochNanos) * factor);
    }

    /** Returns this origin with the child's time moved by {@code nanos}, as a shift of its wall clock moves it. */
    public TimeOrigin shifted(long nanos) {
        return nanos == 0 ? this : new TimeOrigin(childEpochNanos + nanos, realEpochNanos, factor, zone);
    }

    /** A clock that reads the child's current time, computed from this JVM's clock. */
    public Clock clock() {
        return new OriginClock(this, ZoneId.of(zone));
    }

    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(childEpochNanos);
            out.writeLong(realEpochNanos);
            out.writeDouble(factor);
            out.writeUTF(zone);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Returns the origin {@code encoded} holds.
     *
     * @throws MalformedMessage for bytes that are not a time origin
     */
    public static TimeOrigin decode(byte[] encoded) {
        WireInput in = new WireInput(encoded, "time origin");
        try (in) {
            TimeOrigin origin = new TimeOrigin(in.readLong(), in.readLong(), in.readDouble(), in.readUTF());
            in.end();
            if (!(origin.factor >= 0) || Double.isInfinite(origin.factor)) { // 0: a virtual clock, as it read at main
                throw new MalformedMessage("Malformed time origin: a factor of " + origin.factor);
            }
            ZoneId.of(origin.zone);
            return origin;
        } catch (IOException | RuntimeException e) {
            throw in.malformed(e);
        }
    }

    /** Nanoseconds since the epoch of an instant. */
    public static long epochNanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private static final class OriginClock extends Clock {

        private final TimeOrigin origin;
        private final ZoneId zone;

        OriginClock(TimeOrigin origin, ZoneId zone) {
            this.origin = origin;
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId newZone) {
            return newZone.equals(zone) ? this : new OriginClock(origin, newZone);
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochSecond(0, origin.childNanos(epochNanos(Instant.now())));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof OriginClock clock && clock.origin.equals(origin) && clock.zone.equals(zone);
        }

        @Override
        public int hashCode() {
            return origin.hashCode() * 31 + zone.hashCode();
        }

        @Override
        public String toString() {
            return "ChildClock[" + zone + (origin.factor == 1 ? "" : ", " + origin.factor + "x") + "]";
        }
    }
}
