package dev.proctest.engine.shard;

import dev.proctest.Constants;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.platform.commons.JUnitException;

/**
 * What {@code proctest.shard} says for one discovery: nothing (every test runs), a shard, or a
 * mistake, which fails the discovery when the filter first needs the shard rather than running
 * the whole suite on every machine.
 */
final class ShardSetting {

    static final String KEY = Constants.SHARD;

    static final ShardSetting UNSET = new ShardSetting(null, null);

    private static final Pattern INDEX_OF_TOTAL = Pattern.compile("(\\d{1,9})/(\\d{1,9})");

    private final Shard shard;
    private final String mistake;

    private ShardSetting(Shard shard, String mistake) {
        this.shard = shard;
        this.mistake = mistake;
    }

    /** The setting of a value of the key, if any; {@code ci} reads the CI's variables from {@code environment}. */
    static ShardSetting read(Optional<String> value, Function<String, String> environment) {
        if (value.isEmpty()) {
            return UNSET;
        }
        try {
            return new ShardSetting(parse(value.get(), environment), null);
        } catch (JUnitException e) {
            return new ShardSetting(null, e.getMessage());
        }
    }

    boolean isSet() {
        return this != UNSET;
    }

    /**
     * The shard this setting names.
     *
     * @throws JUnitException naming the key, the value and what is expected, if it names none
     */
    Shard shard() {
        if (mistake != null) {
            throw new JUnitException(mistake);
        }
        return shard;
    }

    private static Shard parse(String value, Function<String, String> environment) {
        String stripped = value.strip();
        if (stripped.toLowerCase(Locale.ROOT).equals("ci")) {
            return CiShard.from(environment);
        }
        Matcher matcher = INDEX_OF_TOTAL.matcher(stripped);
        if (!matcher.matches()) {
            throw invalid(value, "");
        }
        int index = Integer.parseInt(matcher.group(1));
        int total = Integer.parseInt(matcher.group(2));
        if (total == 0) {
            throw invalid(value, ": a suite splits into 1 shard or more");
        }
        return Shard.of(index, total)
                .orElseThrow(() -> invalid(value, ": its shards are 1/" + total + " to " + total + "/" + total));
    }

    private static JUnitException invalid(String value, String why) {
        return new JUnitException(String.format("Configuration parameter %s must be i/n, shard i of n with 1 <= i <= n"
                + " (such as 2/4), or ci, the shard the CI's variables name; was [%s]%s", KEY, value, why));
    }
}
