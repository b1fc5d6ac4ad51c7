package dev.proctest.engine.calls;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.CallRecorder;
import dev.proctest.ChildProcessException;
import dev.proctest.RecordedCall;
import dev.proctest.engine.config.Durations;
import dev.proctest.engine.faults.FaultCheck;
import dev.proctest.engine.support.Changes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * The calls of some children: all of a scope's, or one child's. Its awaits wake on the {@link
 * Changes} of what it views.
 */
@API(status = INTERNAL, since = "0.1")
public final class CallsView implements CallRecorder {

    private final Supplier<List<ChildCalls>> children;
    private final Changes changes;
    private final Duration timeout;
    private final int reportTail;
    private final FaultCheck faults;

    /**
     * @param children the calls of the children in view, asked anew at every look
     * @param changes signalled whenever one of them records a call, or a child is started
     * @param faults checked before a wait and at its every wake: a fault of a child in view fails it
     */
    public CallsView(Supplier<List<ChildCalls>> children, Changes changes, Duration timeout, int reportTail, FaultCheck faults) {
        this.children = children;
        this.changes = changes;
        this.timeout = timeout;
        this.reportTail = reportTail;
        this.faults = faults;
    }

    @Override
    public RecordedCall await(Class<?> type, String method) {
        Objects.requireNonNull(method, "method");
        return awaitFirst(call -> call.type().equals(type.getName()) && call.method().equals(method),
                "a call of " + type.getSimpleName() + "." + method);
    }

    @Override
    public RecordedCall awaitConstruction(Class<?> type) {
        return awaitFirst(call -> call.type().equals(type.getName()) && call.isConstruction(), "a construction of " + type.getSimpleName());
    }

    @Override
    public List<RecordedCall> calls(Class<?> type) {
        return calls().stream().filter(call -> call.type().equals(type.getName())).toList();
    }

    @Override
    public List<RecordedCall> calls() {
        List<RecordedCall> all = new ArrayList<>();
        children.get().forEach(child -> all.addAll(child.calls()));
        return all;
    }

    @Override
    public CallRecorder within(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("An await timeout must be positive, was " + timeout);
        }
        return new CallsView(children, changes, timeout, reportTail, faults);
    }

    @Override
    public <T> T mirror(Class<T> type) {
        return Mirrors.of(type, children.get());
    }

    private RecordedCall awaitFirst(Predicate<RecordedCall> condition, String what) {
        RecordedCall[] found = new RecordedCall[1];
        try {
            changes.await(() -> {
                faults.check();
                found[0] = calls().stream().filter(condition).findFirst().orElse(null);
                return found[0] != null;
            }, System.nanoTime() + timeout.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChildProcessException("Interrupted while waiting for " + what, e);
        }
        if (found[0] == null) {
            throw new ChildProcessException(timedOut(what));
        }
        return found[0];
    }

    private String timedOut(String what) {
        List<ChildCalls> inView = children.get();
        return timedOutFor(what, inView) + inView.stream().map(calls -> calls.clockNote().line(calls.child())).collect(Collectors.joining());
    }

    private String timedOutFor(String what, List<ChildCalls> inView) {
        StringBuilder message = new StringBuilder("No child made ").append(what).append(" within ").append(Durations.format(timeout)).append('.');
        if (inView.isEmpty()) {
            return message.append(" No child has been started.").toString();
        }
        List<RecordedCall> recorded = calls();
        if (recorded.isEmpty()) {
            return message.append(" No call was recorded: does a child's spec mock or spy on the type, and does the child create it?")
                    .toString();
        }
        List<RecordedCall> last = recorded.subList(Math.max(0, recorded.size() - reportTail), recorded.size());
        message.append(" The last ").append(last.size() == 1 ? "call" : last.size() + " calls").append(" recorded:");
        last.forEach(call -> message.append("\n  ").append(call));
        return message.toString();
    }
}
