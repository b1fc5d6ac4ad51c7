package dev.proctest;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Formats instants as {@code HH:mm:ss.SSS} in the system's time zone, fast: a log line is written
 * for every record, up to hundreds of thousands a second, and {@code DateTimeFormatter} costs
 * a microsecond a call. The zone's offset is looked up again only when a time falls outside the
 * span, up to the zone's next transition, for which the last lookup holds.
 */
final class TimeOfDay {

    private static final TimeOfDay SYSTEM = new TimeOfDay(ZoneId.systemDefault());

    /** The offset that holds from {@code from} (inclusive) to {@code until} (exclusive), in epoch seconds. */
    private record Span(long from, long until, int offset) {}

    private final ZoneRules rules;
    private volatile Span cached = new Span(0, 0, 0);

    TimeOfDay(ZoneId zone) {
        this.rules = zone.getRules();
    }

    /** Formats {@code time} in the system's time zone. */
    static String format(Instant time) {
        return SYSTEM.of(time);
    }

    String of(Instant time) {
        long epochSecond = time.getEpochSecond();
        Span span = cached;
        if (epochSecond < span.from() || epochSecond >= span.until()) {
            ZoneOffsetTransition next = rules.nextTransition(time);
            span = new Span(epochSecond, next == null ? Long.MAX_VALUE : next.toEpochSecond(),
                    rules.getOffset(time).getTotalSeconds());
            cached = span;
        }
        int offset = span.offset();
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
