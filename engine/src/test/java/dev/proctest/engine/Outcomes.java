package dev.proctest.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

/** Assertions on the outcome of fixture tests that check behaviour themselves. */
public final class Outcomes {

    private Outcomes() {}

    /** Asserts that {@code count} tests ran and all passed, showing every failure in full otherwise. */
    public static void assertAllPassed(EngineExecutionResults results, int count) {
        List<String> failures = results.allEvents().list().stream()
                .filter(event -> event.getPayload(TestExecutionResult.class)
                        .filter(result -> result.getStatus() != TestExecutionResult.Status.SUCCESSFUL).isPresent())
                .map(Outcomes::describe)
                .toList();
        assertThat(failures).as("failed tests and containers").isEmpty();
        results.testEvents().assertStatistics(stats -> stats.started(count).succeeded(count));
    }

    /** Returns the failure of the test method {@code name}. */
    public static Throwable failureOf(EngineExecutionResults results, String name) {
        return results.testEvents().failed().stream()
                .filter(event -> event.getTestDescriptor().getSource()
                        .filter(source -> source instanceof MethodSource method && method.getMethodName().equals(name)).isPresent())
                .map(event -> event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow())
                .findFirst().orElseThrow(() -> new AssertionError("test " + name + " did not fail"));
    }

    private static String describe(Event event) {
        StringWriter trace = new StringWriter();
        event.getRequiredPayload(TestExecutionResult.class).getThrowable()
                .ifPresent(throwable -> throwable.printStackTrace(new PrintWriter(trace)));
        return event.getTestDescriptor().getDisplayName() + ": " + trace;
    }
}
