package dev.proctest;

import dev.proctest.internal.Api;
import dev.proctest.internal.JavaSpec;
import dev.proctest.internal.ReadyCondition;
import dev.proctest.internal.SpecSettings;
import dev.proctest.internal.StopPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The engine's access, through {@link Api}, to what the API's values keep to themselves. */
final class InternalAccess implements Api.Access {

    static {
        Api.register(new InternalAccess());
    }

    private InternalAccess() {}

    @Override
    public SpecSettings settings(ChildSpec<?> spec) {
        return spec.settings();
    }

    @Override
    public String name(ChildSpec<?> spec) {
        return spec.childName();
    }

    @Override
    public JavaSpec java(JavaChild spec) {
        return spec.spec();
    }

    @Override
    public List<String> command(CommandChild spec) {
        return spec.command();
    }

    @Override
    public ReadyCondition ready(Ready ready) {
        return ready.condition();
    }

    @Override
    public StopPlan stop(Stop stop) {
        return stop.plan();
    }

    @Override
    public LogRecord logRecord(String child, long sequence, Instant time, Level level, String logger, String thread, String message,
            LoggedThrowable throwable) {
        return new LogRecord(child, sequence, time, level, logger, thread, message, throwable);
    }

    @Override
    public LoggedThrowable loggedThrowable(String type, String message, String stackTrace) {
        return new LoggedThrowable(type, message, stackTrace);
    }

    @Override
    public ProgramResult programResult(int exitCode, String stdout, String stderr, Duration duration) {
        return new ProgramResult(exitCode, stdout, stderr, duration);
    }

    @Override
    public LogMark logMark(Object scope, String scopeName, Map<String, Long> sequences, Instant madeAt) {
        return new LogMark(scope, scopeName, sequences, madeAt);
    }

    @Override
    public Object markScope(LogMark mark) {
        return mark.scope();
    }

    @Override
    public String markScopeName(LogMark mark) {
        return mark.scopeName();
    }

    @Override
    public Map<String, Long> markSequences(LogMark mark) {
        return mark.sequences();
    }
}
