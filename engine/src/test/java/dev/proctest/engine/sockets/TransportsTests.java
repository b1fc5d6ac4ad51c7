package dev.proctest.engine.sockets;

import static dev.proctest.engine.ProcTestKit.discover;
import static dev.proctest.engine.ProcTestKit.execute;
import static dev.proctest.engine.ProcTestKit.issues;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import dev.proctest.engine.Outcomes;
import dev.proctest.engine.socketfixtures.TransportsTestCase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** {@code @Transports} repeats a test once per transport, each repetition a test of its own with its own endpoints. */
class TransportsTests {

    private static final String METHOD = "eachRepetitionHasEndpointsOfItsTransport(dev.proctest.Processes, dev.proctest.ProcessTestInfo)";

    @Test
    void repetitionsAreTestsBelowTheirMethodNamedByTransport() {
        TestDescriptor method = repeatedMethod(discover(selectClass(TransportsTestCase.class)));

        assertThat(method.isContainer()).isTrue();
        assertThat(method.getDisplayName()).isEqualTo("eachRepetitionHasEndpointsOfItsTransport(Processes, ProcessTestInfo)");
        assertThat(method.getChildren()).extracting(TestDescriptor::getDisplayName).containsExactly("[tcp]", "[ipc]");
        assertThat(method.getChildren()).extracting(child -> child.getUniqueId().getLastSegment().getType() + ":"
                + child.getUniqueId().getLastSegment().getValue()).containsExactly("transport:tcp", "transport:ipc");
        assertThat(method.getChildren()).allSatisfy(repetition -> {
            assertThat(repetition.isTest()).isTrue();
            assertThat(repetition.getTags()).containsExactlyInAnyOrder(TestTag.create("process"), TestTag.create("transports"));
            assertThat(repetition.getSource()).isEqualTo(method.getSource());
        });
        assertThat(method.getChildren()).extracting(TestDescriptor::getLegacyReportingName)
                .containsExactly(method.getLegacyReportingName() + "[tcp]", method.getLegacyReportingName() + "[ipc]");
    }

    @Test
    void selectingTheMethodSelectsEveryRepetitionAndOneIdOnlyItsOwn() {
        TestDescriptor byMethod = discover(selectMethod(TransportsTestCase.class, "eachRepetitionHasEndpointsOfItsTransport",
                "dev.proctest.Processes, dev.proctest.ProcessTestInfo"));
        TestDescriptor method = repeatedMethod(byMethod);
        assertThat(method.getChildren()).hasSize(2);

        UniqueId ipc = method.getUniqueId().append("transport", "ipc");
        TestDescriptor byId = discover(selectUniqueId(ipc));
        assertThat(byId.getDescendants()).filteredOn(TestDescriptor::isTest).extracting(TestDescriptor::getUniqueId).containsExactly(ipc);
        Outcomes.assertAllPassed(execute(selectUniqueId(ipc)), 1);

        assertThat(discover(selectUniqueId(method.getUniqueId().append("transport", "udp"))).getDescendants())
                .filteredOn(TestDescriptor::isTest).isEmpty();
    }

    @Test
    void eachRepetitionRunsWithItsTransportAndLeavesNoIpcDirectoryBehind() {
        TransportsTestCase.IPC_DIRECTORIES.clear();
        EngineExecutionResults results = execute(selectClass(TransportsTestCase.class));

        Outcomes.assertAllPassed(results, 5);
        assertThat(TransportsTestCase.IPC_DIRECTORIES).isNotEmpty().allSatisfy(directory -> assertThat(directory).doesNotExist());
        Path logs = Path.of("target/proctest", TransportsTestCase.class.getName());
        assertThat(logs.resolve("eachRepetitionHasEndpointsOfItsTransport-tcp/PongServer.log")).exists();
        assertThat(logs.resolve("eachRepetitionHasEndpointsOfItsTransport-ipc/PongServer.log")).exists();
        assertThat(Files.exists(logs.resolve("eachRepetitionHasEndpointsOfItsTransport"))).isFalse();
    }

    @Test
    void noTransportOrOneListedTwiceIsAWarning() {
        List<DiscoveryIssue> issues = issues(selectClass(TransportsTestCase.class));
        assertThat(issues).allSatisfy(issue -> assertThat(issue.severity()).isEqualTo(DiscoveryIssue.Severity.WARNING))
                .extracting(DiscoveryIssue::message).containsExactlyInAnyOrder(
                        "@Transports of 'void dev.proctest.engine.socketfixtures.TransportsTestCase.transportListedTwiceRunsOnce("
                                + "dev.proctest.Processes)' lists a transport twice: [IPC, IPC]. The test runs once per transport: [IPC].",
                        "@Transports of 'void dev.proctest.engine.socketfixtures.TransportsTestCase.noTransportListedRunsOnceOverTcp("
                                + "dev.proctest.Processes)' lists no transport, so the test runs once over TCP. List the transports, "
                                + "such as @Transports({TCP, IPC}), or remove it.");
    }

    private static TestDescriptor repeatedMethod(TestDescriptor engine) {
        return engine.getDescendants().stream()
                .filter(descriptor -> descriptor.getUniqueId().getLastSegment().getValue().equals(METHOD))
                .findFirst().orElseThrow();
    }
}
