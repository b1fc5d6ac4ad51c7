package dev.proctest.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * What a spec says about failing on what its child throws and logs.
 *
 * @param allowedUncaught the exceptions, subclasses included, that may go uncaught in the child
 * @param failLevel the level at or above which a record fails the test, or null for the run's default
 * @param allowedLogged the patterns of records that may be logged at any level
 */
@API(status = INTERNAL, since = "0.3")
public record FaultSpec(List<Class<? extends Throwable>> allowedUncaught, Level failLevel, List<Pattern> allowedLogged) {

    public static final FaultSpec DEFAULT = new FaultSpec(List.of(), null, List.of());

    public FaultSpec {
        allowedUncaught = List.copyOf(allowedUncaught);
        allowedLogged = List.copyOf(allowedLogged);
    }

    /** Returns the level the spec asked for, if it did. */
    public Optional<Level> level() {
        return Optional.ofNullable(failLevel);
    }

    public FaultSpec withAllowedUncaught(Class<? extends Throwable> type) {
        List<Class<? extends Throwable>> all = new ArrayList<>(allowedUncaught);
        all.add(Objects.requireNonNull(type, "an allowed type"));
        return new FaultSpec(all, failLevel, allowedLogged);
    }

    public FaultSpec withFailLevel(Level level) {
        return new FaultSpec(allowedUncaught, level, allowedLogged);
    }

    public FaultSpec withAllowedLogged(Pattern pattern) {
        List<Pattern> all = new ArrayList<>(allowedLogged);
        all.add(pattern);
        return new FaultSpec(allowedUncaught, failLevel, all);
    }
}
