package dev.proctest.engine.faults;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.ChildSpec;
import dev.proctest.Constants;
import dev.proctest.Level;
import dev.proctest.LogRecord;
import dev.proctest.LoggedThrowable;
import dev.proctest.engine.config.Configuration;
import dev.proctest.internal.Api;
import dev.proctest.internal.FaultSpec;
import dev.proctest.wire.WireRecord;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Which of a child's records fail its test: the record of an uncaught exception, unless the run
 * turned that off or the spec allows the exception's type; and, if the spec or the run names a
 * level, a record at or above it that no allowed pattern finds.
 */
@API(status = INTERNAL, since = "0.3")
public final class FaultRules {

    private final boolean uncaught;
    private final List<Class<? extends Throwable>> allowedUncaught;
    private final Level level;
    private final String levelSource;
    private final List<Pattern> allowedLogged;
    private final ClassLoader loader;

    private FaultRules(boolean uncaught, FaultSpec spec, Level level, String levelSource, ClassLoader loader) {
        this.uncaught = uncaught;
        this.allowedUncaught = spec.allowedUncaught();
        this.level = level;
        this.levelSource = levelSource;
        this.allowedLogged = spec.allowedLogged();
        this.loader = loader;
    }

    /**
     * The rules for a child of {@code spec} in this run.
     *
     * @param loader loads the classes of the child's exceptions, to match subclasses of allowed ones
     */
    public static FaultRules of(ChildSpec<?> spec, Configuration.FaultSettings run, ClassLoader loader) {
        FaultSpec faults = Api.settings(spec).faults();
        Optional<Level> own = faults.level();
        Level level = own.orElse(run.logged().orElse(null));
        String source = own.isPresent() ? "its spec's failOnLogged(" + level + ")" : Constants.FAIL_LOGGED + "=" + level;
        return new FaultRules(run.uncaught(), faults, level, source, loader);
    }

    /** Returns what {@code record} is a fault of, or empty if it is none. */
    Optional<Fault.Kind> judge(LogRecord record) {
        String logger = record.logger();
        boolean endedMain = logger.equals(WireRecord.UNCAUGHT_MAIN);
        if (logger.equals(WireRecord.UNCAUGHT_AT_EXIT)) { // part of the child's end, which is judged as an exit
            return Optional.empty();
        }
        if (endedMain || logger.equals(WireRecord.UNCAUGHT)) { // never a failOnLogged fault: the uncaught rule is its rule
            return uncaught && !allowedUncaught(record) ? Optional.of(endedMain ? Fault.Kind.ENDED_MAIN : Fault.Kind.UNCAUGHT)
                    : Optional.empty();
        }
        return level != null && record.level().isAtLeast(level) && !allowedLogged(record) ? Optional.of(Fault.Kind.LOGGED)
                : Optional.empty();
    }

    /** Says which setting made a logged record a fault: the spec's {@code failOnLogged} or the run's key. */
    String levelSource() {
        return levelSource;
    }

    private boolean allowedUncaught(LogRecord record) {
        if (allowedUncaught.isEmpty() || record.throwable().isEmpty()) {
            return false;
        }
        String type = record.throwable().get().type();
        Class<?> thrown = null;
        for (Class<? extends Throwable> allowed : allowedUncaught) {
            if (allowed.getName().equals(type)) {
                return true;
            }
            if (thrown == null) {
                thrown = load(type);
            }
            if (thrown != Void.class && allowed.isAssignableFrom(thrown)) {
                return true;
            }
        }
        return false;
    }

    /** The class of the child's exception in the test JVM, not initialized; {@code Void.class} if it cannot be loaded there. */
    private Class<?> load(String type) {
        try {
            return Class.forName(type, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return Void.class;
        }
    }

    private boolean allowedLogged(LogRecord record) {
        String thrown = record.throwable().map(LoggedThrowable::toString).orElse(null);
        for (Pattern pattern : allowedLogged) {
            if (pattern.matcher(record.message()).find() || thrown != null && pattern.matcher(thrown).find()) {
                return true;
            }
        }
        return false;
    }
}
