package dev.proctest.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.ChildSpec;
import dev.proctest.CommandChild;
import dev.proctest.JavaChild;
import dev.proctest.Level;
import dev.proctest.LogMark;
import dev.proctest.LogRecord;
import dev.proctest.LoggedThrowable;
import dev.proctest.ProgramResult;
import dev.proctest.Ready;
import dev.proctest.Stop;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The engine's access to the API's values: it reads the settings of what a test builds and makes
 * what the engine hands to tests. The public types keep these to themselves, so that a user's
 * completion on a spec offers only what users type. The access is a class of the API's own
 * package, which registers itself here when it loads, as the JDK's shared secrets do.
 */
@API(status = INTERNAL, since = "0.1")
public final class Api {

    /** Reads and makes the values of the API package; implemented there. */
    public interface Access {
        SpecSettings settings(ChildSpec<?> spec);

        String name(ChildSpec<?> spec);

        JavaSpec java(JavaChild spec);

        List<String> command(CommandChild spec);

        ReadyCondition ready(Ready ready);

        StopPlan stop(Stop stop);

        LogRecord logRecord(String child, long sequence, Instant time, Level level, String logger, String thread, String message,
                LoggedThrowable throwable);

        LoggedThrowable loggedThrowable(String type, String message, String stackTrace);

        ProgramResult programResult(int exitCode, String stdout, String stderr, Duration duration);

        LogMark logMark(Object scope, String scopeName, Map<String, Long> sequences, Instant madeAt);

        Object markScope(LogMark mark);

        String markScopeName(LogMark mark);

        Map<String, Long> markSequences(LogMark mark);
    }

    private static volatile Access access;

    private Api() {}

    /** Called once, by the API package's access as it loads. */
    public static void register(Access apiAccess) {
        if (access != null) {
            throw new IllegalStateException("The access to proctest's API values is registered already");
        }
        access = apiAccess;
    }

    public static SpecSettings settings(ChildSpec<?> spec) {
        return access().settings(spec);
    }

    /** Returns the child's name: the one given, else the spec's default. */
    public static String name(ChildSpec<?> spec) {
        return access().name(spec);
    }

    public static JavaSpec java(JavaChild spec) {
        return access().java(spec);
    }

    /** Returns the program and its arguments. */
    public static List<String> command(CommandChild spec) {
        return access().command(spec);
    }

    public static ReadyCondition ready(Ready ready) {
        return access().ready(ready);
    }

    public static StopPlan stop(Stop stop) {
        return access().stop(stop);
    }

    /** Whether the child may exit on its own: it said so, or it is ready only once it has exited. */
    public static boolean exitAllowed(ChildSpec<?> spec) {
        SpecSettings settings = settings(spec);
        return settings.mayExit() || ready(settings.ready()).involves(ReadyCondition.Kind.AFTER_EXIT);
    }

    /** A record as the engine makes it for a child's log. */
    public static LogRecord logRecord(String child, long sequence, Instant time, Level level, String logger, String thread,
            String message, LoggedThrowable throwable) {
        return access().logRecord(child, sequence, time, level, logger, thread, message, throwable);
    }

    public static LoggedThrowable loggedThrowable(String type, String message, String stackTrace) {
        return access().loggedThrowable(type, message, stackTrace);
    }

    public static ProgramResult programResult(int exitCode, String stdout, String stderr, Duration duration) {
        return access().programResult(exitCode, stdout, stderr, duration);
    }

    /**
     * A mark of the logs of {@code scope}, which views of that scope accept.
     *
     * @param sequences the number of the last record of each child in view, by child name
     */
    public static LogMark logMark(Object scope, String scopeName, Map<String, Long> sequences, Instant madeAt) {
        return access().logMark(scope, scopeName, sequences, madeAt);
    }

    /** Returns what made {@code mark}: the identity of a scope. */
    public static Object markScope(LogMark mark) {
        return access().markScope(mark);
    }

    /** Returns the name of the scope that made {@code mark}, for messages. */
    public static String markScopeName(LogMark mark) {
        return access().markScopeName(mark);
    }

    /** Returns the number of the last record of each child when {@code mark} was made, by child name. */
    public static Map<String, Long> markSequences(LogMark mark) {
        return access().markSequences(mark);
    }

    private static Access access() {
        Access current = access;
        if (current == null) {
            try {
                Class.forName("dev.proctest.InternalAccess", true, Api.class.getClassLoader()); // registers itself
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("proctest's API classes are not with its internal ones", e);
            }
            current = access;
        }
        return current;
    }
}
