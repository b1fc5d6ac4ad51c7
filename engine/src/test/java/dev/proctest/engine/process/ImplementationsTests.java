package dev.proctest.engine.process;

import static dev.proctest.engine.ProcTestKit.discover;
import static dev.proctest.engine.ProcTestKit.execute;
import static dev.proctest.engine.ProcTestKit.issues;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import dev.proctest.engine.Outcomes;
import dev.proctest.engine.invalidfixtures.BadImplementationNameTestCase;
import dev.proctest.engine.invalidfixtures.ImplementationWithoutAnnotationTestCase;
import dev.proctest.engine.invalidfixtures.NoImplementationsTestCase;
import dev.proctest.engine.processfixtures.ImplementationsTestCase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** {@code @Implementations} runs a whole test class once per implementation, with the one order of repetitions. */
class ImplementationsTests {

    private static final String TEST = "seesItsImplementationsServer(dev.proctest.Implementation)";

    @BeforeEach
    void reset() {
        ImplementationsTestCase.EVENTS.clear();
        ImplementationsTestCase.secondIsMissing = false;
    }

    @Test
    void eachImplementationIsARunOfTheClassWithItsTestsAndTheirTransportsBelow() {
        TestDescriptor testClass = discover(selectClass(ImplementationsTestCase.class)).getChildren().iterator().next();

        assertThat(testClass.getChildren()).extracting(TestDescriptor::getDisplayName).containsExactly("[first]", "[second]");
        TestDescriptor second = List.copyOf(testClass.getChildren()).get(1);
        assertThat(segments(second.getUniqueId())).endsWith("class:" + ImplementationsTestCase.class.getName(), "implementation:second");
        TestDescriptor repeated = second.getChildren().stream()
                .filter(child -> child.getDisplayName().startsWith("repeatsOverTransports")).findFirst().orElseThrow();
        assertThat(repeated.getChildren()).extracting(TestDescriptor::getDisplayName).containsExactly("[tcp]", "[ipc]");
        TestDescriptor ipc = List.copyOf(repeated.getChildren()).get(1);
        assertThat(segments(ipc.getUniqueId())).endsWith("class:" + ImplementationsTestCase.class.getName(), "implementation:second",
                "method:repeatsOverTransportsWithinEachImplementation(dev.proctest.Processes, dev.proctest.Implementation)",
                "transport:ipc");
        assertThat(ipc.getLegacyReportingName())
                .isEqualTo("repeatsOverTransportsWithinEachImplementation(Processes, Implementation)[second][ipc]");
        assertThat(second.getLegacyReportingName()).isEqualTo(ImplementationsTestCase.class.getName() + "[second]");
    }

    @Test
    void theClassRunsWholeForEachImplementationInTurnWithItsOwnChildrenAndLogs() {
        Outcomes.assertAllPassed(execute(selectClass(ImplementationsTestCase.class)), 6);

        List<String> events = ImplementationsTestCase.EVENTS;
        assertThat(events.subList(0, 5)).startsWith("beforeAll first").endsWith("afterAll first")
                .contains("test first", "transports first tcp", "transports first ipc");
        assertThat(events.subList(5, 10)).startsWith("beforeAll second").endsWith("afterAll second")
                .contains("test second", "transports second tcp", "transports second ipc");
        Path logs = Path.of("target/proctest", ImplementationsTestCase.class.getName());
        assertThat(logs.resolve("first/server-first.log")).exists();
        assertThat(logs.resolve("second/server-second.log")).exists();
    }

    @Test
    void theRunsGoOneAfterAnotherAlsoWhenTestsRunInParallel() {
        Outcomes.assertAllPassed(dev.proctest.engine.ProcTestKit.engine(selectClass(ImplementationsTestCase.class))
                .configurationParameter(dev.proctest.Constants.PARALLEL_ENABLED, "true").execute(), 6);

        List<String> events = ImplementationsTestCase.EVENTS;
        assertThat(events.subList(0, 5)).as("the first run whole, then the second: %s", events).startsWith("beforeAll first")
                .endsWith("afterAll first");
        assertThat(events.subList(5, 10)).startsWith("beforeAll second").endsWith("afterAll second");
    }

    @Test
    void anImplementationThatCannotStartFailsItsOwnRunOnlyNamingTheProgram() {
        ImplementationsTestCase.secondIsMissing = true;

        EngineExecutionResults results = execute(selectClass(ImplementationsTestCase.class));

        results.testEvents().assertStatistics(stats -> stats.succeeded(3).failed(0));
        assertThat(results.containerEvents().failed().list()).singleElement().satisfies(failed -> {
            assertThat(failed.getTestDescriptor().getDisplayName()).isEqualTo("[second]");
            assertThat(failed.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow())
                    .hasMessageContaining("no-such-server-program");
        });
        assertThat(ImplementationsTestCase.EVENTS).contains("test first", "beforeAll second", "afterAll second")
                .doesNotContain("test second");
    }

    @Test
    void selectingAMethodSelectsItInEveryRunAndItsIdOnlyInOne() {
        TestDescriptor byMethod = discover(selectMethod(ImplementationsTestCase.class, "seesItsImplementationsServer",
                "dev.proctest.Implementation"));
        assertThat(tests(byMethod)).extracting(id -> id.getLastSegment().getValue() + " in " + id.removeLastSegment().getLastSegment()
                .getValue()).containsExactly(TEST + " in first", TEST + " in second");

        UniqueId inSecond = tests(byMethod).get(1);
        Outcomes.assertAllPassed(execute(selectUniqueId(inSecond)), 1);
        assertThat(ImplementationsTestCase.EVENTS).containsExactly("beforeAll second", "test second", "afterAll second");
        assertThat(tests(discover(selectUniqueId(inSecond.removeLastSegment())))).as("the run: one test, two repetitions").hasSize(3);
        assertThat(tests(discover(selectUniqueId(inSecond.removeLastSegment().removeLastSegment().append("implementation", "third")))))
                .isEmpty();
    }

    @Test
    void anEmptyListOrAnUnusableNameIsAnErrorAndAnImplementationOutsideSuchAClassFailsSayingWhy() {
        assertThat(issues(selectClass(NoImplementationsTestCase.class))).singleElement().satisfies(issue -> {
            assertThat(issue.severity()).isEqualTo(DiscoveryIssue.Severity.ERROR);
            assertThat(issue.message()).contains("lists no implementation");
        });
        assertThat(issues(selectClass(BadImplementationNameTestCase.class))).singleElement().satisfies(issue -> {
            assertThat(issue.severity()).isEqualTo(DiscoveryIssue.Severity.ERROR);
            assertThat(issue.message()).contains("lists [c/c++]", "letters, digits");
        });
        assertThat(Outcomes.failureOf(execute(selectClass(ImplementationWithoutAnnotationTestCase.class)), "asksForAnImplementation"))
                .hasMessageContaining("annotated @Implementations");
    }

    private static List<UniqueId> tests(TestDescriptor root) {
        return root.getDescendants().stream().filter(TestDescriptor::isTest).map(TestDescriptor::getUniqueId).toList();
    }

    private static List<String> segments(UniqueId id) {
        return id.getSegments().stream().map(segment -> segment.getType() + ":" + segment.getValue()).toList();
    }
}
