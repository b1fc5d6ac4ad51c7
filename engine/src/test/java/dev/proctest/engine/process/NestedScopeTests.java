package dev.proctest.engine.process;

import static dev.proctest.engine.ProcTestKit.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.started;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.proctest.ChildProcessException;
import dev.proctest.Constants;
import dev.proctest.engine.Outcomes;
import dev.proctest.engine.ProcTestKit;
import dev.proctest.engine.processfixtures.NestedScopeTestCase;
import dev.proctest.engine.processfixtures.NestedScopeUncaughtTestCase;
import dev.proctest.engine.processfixtures.ParallelNestedTestCase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** The children of a class and of its {@code @Nested} classes, each ending with the class that started them. */
class NestedScopeTests {

    @Test
    void childrenOfTheEnclosingClassServeTheNestedTestsAndANestedClassesChildrenEndWithIt() {
        Outcomes.assertAllPassed(execute(selectClass(NestedScopeTestCase.class)), 1);

        assertThat(NestedScopeTestCase.OBSERVED).containsExactly(
                "nested test: outer alive true, inner alive true", "outer @AfterAll: outer alive true, inner alive false");
        assertThat(NestedScopeTestCase.PIDS).hasSize(3).allSatisfy(pid -> assertThat(ProcessHandle.of(pid)).isEmpty());
        Path logs = Path.of("target/proctest", NestedScopeTestCase.class.getName());
        assertThat(logs.resolve("outer.log")).isRegularFile();
        assertThat(logs.resolve("Inner/inner.log")).isRegularFile();
        assertThat(logs.resolve("Inner/seesBothChildren/own.log")).isRegularFile();
        assertThat(Files.exists(logs.resolve("Inner/seesBothChildren/outer.log"))).isFalse();
    }

    @Test
    void aFaultOfTheEnclosingClasssChildFailsTheNestedTestRunningThen() {
        EngineExecutionResults results = execute(selectClass(NestedScopeUncaughtTestCase.class));

        results.containerEvents().assertStatistics(stats -> stats.failed(0));
        results.testEvents().assertEventsMatchExactly(event(test("onlyTest"), started()), event(test("onlyTest"), finishedWithFailure(
                instanceOf(ChildProcessException.class), message(text -> text.startsWith("Child 'shared' (pid ")
                        && text.contains("on thread \"worker-1\" and nothing caught it")))));
    }

    @Test
    void nestedClassesRunInParallelEachWithItsOwnChildrenInView() {
        EngineExecutionResults results = ProcTestKit.engine(selectClass(ParallelNestedTestCase.class))
                .configurationParameter(Constants.PARALLEL_ENABLED, "true")
                .configurationParameter(Constants.PARALLEL_CONFIG_STRATEGY, "fixed")
                .configurationParameter(Constants.PARALLEL_CONFIG_PREFIX + "fixed.parallelism", "4")
                .execute();

        Outcomes.assertAllPassed(results, 4);
        assertThat(ParallelNestedTestCase.PIDS).hasSize(7).allSatisfy(pid -> assertThat(ProcessHandle.of(pid)).isEmpty());
    }
}
