package dev.proctest.engine.calls;

import dev.proctest.CallRecorder;
import dev.proctest.ChildProcessException;
import dev.proctest.RecordedCall;
import dev.proctest.engine.config.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** The calls of some children: all of a scope's, or one child's. */
public final class ScopedCalls implements CallRecorder {

    private static final long RECHECK_MILLIS = 100;

    private final Supplier<List<ChildCalls>> children;
    private final Duration timeout;
    private final int reportTail;

    /** @param children the calls of the children in view, asked anew at every look */
    public ScopedCalls(Supplier<List<ChildCalls>> children, Duration timeout, int reportTail) {
        this.children = children;
        this.timeout = timeout;
        this.reportTail = reportTail;
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
        return new ScopedCalls(children, timeout, reportTail);
    }

    @Override
    public <T> T mirror(Class<T> type) {
        return Mirrors.of(type, children.get());
    }

    private RecordedCall awaitFirst(Predicate<RecordedCall> condition, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long seen = ChildCalls.generation();
                for (RecordedCall call : calls()) {
                    if (condition.test(call)) {
                        return call;
                    }
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new ChildProcessException(timedOut(what));
                }
                ChildCalls.awaitAfter(seen, Math.min(RECHECK_MILLIS, Math.max(1, Duration.ofNanos(remaining).toMillis())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChildProcessException("Interrupted while waiting for " + what, e);
        }
    }

    private String timedOut(String what) {
        List<ChildCalls> inView = children.get();
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
