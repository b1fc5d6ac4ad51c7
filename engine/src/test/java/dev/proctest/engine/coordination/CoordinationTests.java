package dev.proctest.engine.coordination;

import static dev.proctest.engine.ProcTestKit.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.engine;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.started;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.proctest.Constants;
import dev.proctest.CoordinationException;
import dev.proctest.engine.Outcomes;
import dev.proctest.engine.ProcTestKit;
import dev.proctest.engine.processfixtures.BarrierBreaksTestCase;
import dev.proctest.engine.processfixtures.BarrierTimeoutTestCase;
import dev.proctest.engine.processfixtures.CoordinationTestCase;
import dev.proctest.engine.processfixtures.ParallelBarriersTestCase;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.assertj.core.api.Condition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EventType;
import org.junit.platform.testkit.engine.Event;

/** Barriers and mailboxes between a test and its children: what passes, and the exact events of what breaks. */
class CoordinationTests {

    @BeforeEach
    void forget() {
        BarrierBreaksTestCase.SEEN.clear();
    }

    @Test
    void barriersAndMailboxesWorkBetweenTheTestAndItsChildren() {
        Outcomes.assertAllPassed(execute(selectClass(CoordinationTestCase.class)), 11);
    }

    @Test
    void testsRunAtOnceHaveBarriersAndMailboxesOfTheirOwn() {
        Outcomes.assertAllPassed(ProcTestKit.engine(selectClass(ParallelBarriersTestCase.class))
                .configurationParameter(Constants.PARALLEL_ENABLED, "true").execute(), 2);
    }

    @Test
    void aPartyThatDiesFailsTheBarrierWithinASecondNamingIt() {
        assertLifecycle(execute(selectMethod(BarrierBreaksTestCase.class, "aPartyDies", "dev.proctest.Processes")),
                event(engine(), started()),
                event(container(BarrierBreaksTestCase.class), started()),
                event(test("aPartyDies"), started()),
                event(test("aPartyDies"), finishedWithFailure(instanceOf(CoordinationException.class),
                        message(m -> m.matches("Barrier 'go' of the test broke: child 'b' exited \\(exit code 3, pid \\d+\\) before the"
                                + " barrier was passed; arrived: the test, 'a'; missing: 'b'")))),
                event(container(BarrierBreaksTestCase.class), finishedSuccessfully()),
                event(engine(), finishedSuccessfully()));
        assertThat(BarrierBreaksTestCase.SEEN).hasSize(2);
        assertThat(Long.parseLong(BarrierBreaksTestCase.SEEN.get(0).substring("waited ".length()))).isLessThan(500 + 1_000);
        assertThat(BarrierBreaksTestCase.SEEN.get(1)).startsWith("broken: Barrier 'go' of the test broke: child 'b' exited (exit code 3");
    }

    @Test
    void aTestThatTimesOutBreaksTheBarrierItsChildrenWaitAt() {
        assertLifecycle(execute(selectClass(BarrierTimeoutTestCase.class)),
                        event(engine(), started()),
                        event(container(BarrierTimeoutTestCase.class), started()),
                        event(test("theTestTimesOut"), started()),
                        event(test("theTestTimesOut"), finishedWithFailure(instanceOf(TimeoutException.class),
                                message("theTestTimesOut() timed out after 1500 milliseconds"))),
                        event(container(BarrierTimeoutTestCase.class), finishedSuccessfully()),
                        event(engine(), finishedSuccessfully()));
        assertThat(BarrierBreaksTestCase.SEEN).singleElement().asString()
                .startsWith("broken: Barrier 'go' of the test broke: the test was interrupted while it waited there (by its @Timeout?);"
                        + " arrived: the test, 'a'; missing: 'b'");
    }

    @Test
    void aTestThatFailsBreaksTheBarrierItsChildrenWaitAtBeforeItsAfterEachMethods() {
        assertLifecycle(execute(selectMethod(BarrierBreaksTestCase.class, "theTestFails", "dev.proctest.Processes")),
                event(engine(), started()),
                event(container(BarrierBreaksTestCase.class), started()),
                event(test("theTestFails"), started()),
                event(test("theTestFails"), finishedWithFailure(instanceOf(AssertionError.class), message("the system said no"))),
                event(container(BarrierBreaksTestCase.class), finishedSuccessfully()),
                event(engine(), finishedSuccessfully()));
        assertThat(BarrierBreaksTestCase.SEEN).singleElement().asString()
                // whether the child's arrival reached the test JVM before the failure or after it, it sees the barrier broken
                .matches("broken: Barrier 'go' of the test broke: the test failed \\(java.lang.AssertionError: the system said no\\);"
                        + " arrived: ('a'|nobody); missing: the test \\(and whichever children the test names\\)");
    }

    /** Asserts the events that start and finish something, exactly, leaving out the report entries of the children's logs. */
    @SafeVarargs
    private static void assertLifecycle(EngineExecutionResults results, Condition<? super Event>... expected) {
        List<Event> events = results.allEvents().stream()
                .filter(event -> event.getType() == EventType.STARTED || event.getType() == EventType.FINISHED).toList();
        assertThat(events).as("lifecycle events").hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(events.get(i)).as("event %d", i).is(expected[i]);
        }
    }
}
