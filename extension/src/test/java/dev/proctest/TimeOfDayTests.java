package dev.proctest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast formatter writes what {@code DateTimeFormatter} writes, across the zone's transitions too. */
class TimeOfDayTests {

    private static final DateTimeFormatter PATTERN = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    @ParameterizedTest
    @ValueSource(strings = {"UTC", "Europe/Berlin", "America/St_Johns", "Asia/Kolkata", "Australia/Lord_Howe"})
    void agreesWithDateTimeFormatterOverAYearOfTransitions(String zoneName) {
        ZoneId zone = ZoneId.of(zoneName);
        TimeOfDay timeOfDay = new TimeOfDay(zone);
        DateTimeFormatter expected = PATTERN.withZone(zone);
        Instant start = Instant.parse("2026-01-01T00:00:00.123Z");
        // Every 7 minutes 13.457 seconds for a year: every minute and millisecond digit, both sides of every transition.
        for (Instant time = start; time.isBefore(start.plus(Duration.ofDays(366))); time = time.plusMillis(433_457)) {
            assertThat(timeOfDay.of(time)).as("%s in %s", time, zone).isEqualTo(expected.format(time));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Europe/Berlin", "America/St_Johns", "Australia/Lord_Howe"})
    void theMillisecondsAroundATransitionTakeTheOffsetOfTheirSide(String zoneName) {
        ZoneId zone = ZoneId.of(zoneName);
        TimeOfDay timeOfDay = new TimeOfDay(zone);
        DateTimeFormatter expected = PATTERN.withZone(zone);
        ZoneOffsetTransition transition = zone.getRules().nextTransition(Instant.parse("2026-01-01T00:00:00Z"));
        Instant at = transition.getInstant();
        for (Instant time : new Instant[] {at.minusMillis(1), at, at.plusMillis(1), at.minusMillis(1), at.plusSeconds(3600)}) {
            assertThat(timeOfDay.of(time)).as("%s in %s", time, zone).isEqualTo(expected.format(time));
        }
    }
}
