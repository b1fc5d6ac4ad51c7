package dev.proctest.engine.logs;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.ChildProcessException;
import dev.proctest.Level;
import dev.proctest.LogMark;
import dev.proctest.LogRecord;
import dev.proctest.Logs;
import dev.proctest.engine.config.Durations;
import dev.proctest.engine.faults.FaultCheck;
import dev.proctest.engine.support.Changes;
import dev.proctest.internal.Api;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * A view of the logs of some children: all of a scope's, or one child's, narrowed by child and
 * level. Its awaits wake on the {@link Changes} of what it views: a record of another scope's
 * child wakes none of them.
 */
@API(status = INTERNAL, since = "0.1")
public final class LogsView implements Logs {

    /**
     * How a view narrows the logs: to one child, to a level, to what came after a mark.
     *
     * @param after the number of the last record before the view's mark, by child name; empty
     *     without a mark
     */
    private record Narrowing(String childName, Level minimum, Duration timeout, Map<String, Long> after) {}

    private final Supplier<List<ChildLog>> children;
    private final Changes changes;
    private final ViewScope scope;
    private final int reportTail;
    private final Narrowing narrowing;
    private final String childName;
    private final Level minimum;
    private final Duration timeout;
    private final FaultCheck faults;

    /**
     * @param children the logs of the children in view, asked anew at every look, as children
     *     may be started while a test waits
     * @param changes signalled whenever one of them changes, or a child is started
     * @param scope whose logs these are, for their marks
     * @param faults checked before a wait and at its every wake: a fault of a child in view fails it
     */
    public LogsView(Supplier<List<ChildLog>> children, Changes changes, ViewScope scope, Duration timeout, int reportTail,
            FaultCheck faults) {
        this(children, changes, scope, reportTail, new Narrowing(null, Level.TRACE, timeout, Map.of()), faults);
    }

    private LogsView(Supplier<List<ChildLog>> children, Changes changes, ViewScope scope, int reportTail, Narrowing narrowing,
            FaultCheck faults) {
        this.children = children;
        this.changes = changes;
        this.scope = scope;
        this.reportTail = reportTail;
        this.narrowing = narrowing;
        this.childName = narrowing.childName();
        this.minimum = narrowing.minimum();
        this.timeout = narrowing.timeout();
        this.faults = faults;
    }

    private LogsView with(Narrowing newNarrowing) {
        return new LogsView(children, changes, scope, reportTail, newNarrowing, faults);
    }

    @Override
    public LogRecord await(String regex) {
        Pattern pattern = Pattern.compile(Objects.requireNonNull(regex, "regex"));
        return await(record -> pattern.matcher(record.message()).find(), "a record whose message matches /" + regex + "/");
    }

    @Override
    public LogRecord await(Predicate<LogRecord> condition) {
        return await(Objects.requireNonNull(condition, "condition"), "a record that the condition accepts");
    }

    @Override
    public Logs within(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("A wait must be positive, was " + timeout);
        }
        return with(new Narrowing(childName, minimum, timeout, narrowing.after()));
    }

    @Override
    public Logs from(String childName) {
        return with(new Narrowing(Objects.requireNonNull(childName, "childName"), minimum, timeout, narrowing.after()));
    }

    @Override
    public Logs atLeast(Level level) {
        return with(new Narrowing(childName, Objects.requireNonNull(level, "level"), timeout, narrowing.after()));
    }

    @Override
    public LogMark mark() {
        Map<String, Long> sequences = new HashMap<>();
        for (ChildLog log : children.get()) {
            sequences.merge(log.child(), log.retained().lastNumber(), Math::max);
        }
        return Api.logMark(scope, scope.name(), sequences, Instant.now());
    }

    @Override
    public Logs since(LogMark mark) {
        Objects.requireNonNull(mark, "mark");
        if (!(Api.markScope(mark) instanceof ViewScope made) || !scope.isNestedWith(made)) {
            throw new IllegalArgumentException("This mark, " + mark + ", was made in the logs of " + Api.markScopeName(mark)
                    + ", and these are the logs of " + scope.name() + ": use a mark in the test that made it, or its class");
        }
        return with(new Narrowing(childName, minimum, timeout, Api.markSequences(mark)));
    }

    @Override
    public List<LogRecord> records() {
        List<List<LogRecord>> perChild = inView().stream()
                .map(log -> log.retained().after(start(log)).stream().filter(this::accepts).toList()).toList();
        return LogTail.mergeByTime(perChild);
    }

    @Override
    public List<String> lines() {
        return records().stream().map(LogRecord::line).toList();
    }

    private LogRecord await(Predicate<LogRecord> condition, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<ChildLog, Long> seen = new HashMap<>();
        LogRecord[] found = new LogRecord[1];
        boolean[] ended = new boolean[1];
        try {
            changes.await(() -> {
                faults.check();
                List<ChildLog> logs = inView();
                boolean allComplete = !logs.isEmpty();
                for (ChildLog log : logs) {
                    allComplete &= log.isComplete(); // before reading: a record read after this is in the log
                    seen.put(log, log.retained().scan(seen.computeIfAbsent(log, this::start), record -> {
                        if (accepts(record) && condition.test(record)) {
                            found[0] = record;
                            return false;
                        }
                        return true;
                    }));
                    if (found[0] != null) {
                        return true;
                    }
                }
                ended[0] = allComplete && childName != null;
                return ended[0];
            }, deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChildProcessException("Interrupted while waiting for " + what, e);
        }
        if (found[0] != null) {
            return found[0];
        }
        throw new ChildProcessException(ended[0] ? ended(what, inView().get(0)) : timedOut(what));
    }

    /** The message for a child that has ended without logging what the test waits for. */
    private String ended(String what, ChildLog log) {
        String exit = log.exitCode().isPresent() ? " (exit code " + log.exitCode().getAsInt() + ")" : "";
        return "No record of child '" + childName + "'" + (minimum == Level.TRACE ? "" : " at " + minimum + " or above") + " was "
                + what + ": the child has ended" + exit + " and its log is complete." + tail(List.of(log));
    }

    private String timedOut(String what) {
        List<ChildLog> logs = inView();
        String whose = childName == null ? "any child" : "child '" + childName + "'";
        StringBuilder message = new StringBuilder("No record of ").append(whose)
                .append(minimum == Level.TRACE ? "" : " at " + minimum + " or above")
                .append(" was ").append(what).append(" within ").append(Durations.format(timeout)).append('.');
        if (logs.isEmpty()) {
            String all = children.get().stream().map(ChildLog::child).collect(Collectors.joining(", "));
            return message.append(childName == null ? " No child has been started." : " There is no child '" + childName
                    + "'" + (all.isEmpty() ? "." : "; the children are: " + all + ".")).toString();
        }
        return message.append(tail(logs)).toString();
    }

    private String tail(List<ChildLog> logs) {
        return LogTail.of(logs, reportTail);
    }

    private List<ChildLog> inView() {
        return children.get().stream().filter(log -> childName == null || log.child().equals(childName)).toList();
    }

    /** The number of the last record of {@code log} before this view's mark: 0 without a mark. */
    private long start(ChildLog log) {
        return narrowing.after().getOrDefault(log.child(), 0L);
    }

    private boolean accepts(LogRecord record) {
        return record.level().isAtLeast(minimum);
    }
}
