package dev.proctest.child.time;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import org.apiguardian.api.API;

/**
 * What the system under test's method references to the {@code now()} of {@code java.time} ({@code
 * Instant::now}) become on child time; direct calls read {@code now(TimeDelegates.systemDefaultZone())} instead.
 */
@API(status = INTERNAL, since = "0.4")
public final class NowReferences {

    private NowReferences() {}

    public static Instant instantNow() {
        return ChildTime.instant();
    }

    public static LocalDate localDateNow() {
        return LocalDate.now(TimeDelegates.systemDefaultZone());
    }

    public static LocalTime localTimeNow() {
        return LocalTime.now(TimeDelegates.systemDefaultZone());
    }

    public static LocalDateTime localDateTimeNow() {
        return LocalDateTime.now(TimeDelegates.systemDefaultZone());
    }

    public static ZonedDateTime zonedDateTimeNow() {
        return ZonedDateTime.now(TimeDelegates.systemDefaultZone());
    }

    public static OffsetDateTime offsetDateTimeNow() {
        return OffsetDateTime.now(TimeDelegates.systemDefaultZone());
    }
}
