package dev.proctest;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Formats instants as {@code HH:mm:ss.SSS} in the system's time zone, fast: a log line is written
 * for every record, up to hundreds of thousands a second, and {@code DateTimeFormatter} costs
 * a microsecond a call. The zone's offset is looked up once an hour of epoch time.
 */
final class TimeOfDay {

    private static final ZoneId ZONE = ZoneId.systemDefault();
    private static final long SECONDS_PER_HOUR = 3600;

    private static volatile long cachedHour = Long.MIN_VALUE;
    private static volatile int cachedOffsetSeconds;

    private TimeOfDay() {}

    static String format(Instant time) {
        long epochSecond = time.getEpochSecond();
        long hour = Math.floorDiv(epochSecond, SECONDS_PER_HOUR);
        int offset;
        if (hour == cachedHour) {
            offset = cachedOffsetSeconds;
        } else {
            ZoneOffset zoneOffset = ZONE.getRules().getOffset(time);
            offset = zoneOffset.getTotalSeconds();
            cachedOffsetSeconds = offset;
            cachedHour = hour;
        }
        int secondOfDay = (int) Math.floorMod(epochSecond + offset, 86_400L);
        int millis = time.getNano() / 1_000_000;
        char[] text = new char[12];
        twoDigits(text, 0, secondOfDay / 3600);
        text[2] = ':';
        twoDigits(text, 3, secondOfDay / 60 % 60);
        text[5] = ':';
        twoDigits(text, 6, secondOfDay % 60);
        text[8] = '.';
        text[9] = (char) ('0' + millis / 100);
        text[10] = (char) ('0' + millis / 10 % 10);
        text[11] = (char) ('0' + millis % 10);
        return new String(text);
    }

    private static void twoDigits(char[] text, int at, int value) {
        text[at] = (char) ('0' + value / 10);
        text[at + 1] = (char) ('0' + value % 10);
    }
}
