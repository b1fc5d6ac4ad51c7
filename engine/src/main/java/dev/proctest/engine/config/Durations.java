package dev.proctest.engine.config;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Reads durations as people write them in configuration: {@code 500ms}, {@code 10s}, {@code 2m},
 * {@code 1h} or {@code PT10S}; and writes them for messages.
 */
@API(status = INTERNAL, since = "0.1")
public final class Durations {

    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

    private Durations() {}

    /** Writes {@code duration} for a message: {@code 10 s}, or {@code 300 ms} if not whole seconds. */
    public static String format(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    /**
     * Returns {@code nanos} in whole milliseconds, rounded up: a socket or selector timeout of
     * that many milliseconds does not end a wait before its deadline.
     */
    public static long millisUp(long nanos) {
        return nanos / 1_000_000 + (nanos % 1_000_000 > 0 ? 1 : 0);
    }

    static Optional<Duration> parse(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        Matcher matcher = SHORT.matcher(value);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return Optional.of(switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            });
        }
        try {
            return Optional.of(Duration.parse(text.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
