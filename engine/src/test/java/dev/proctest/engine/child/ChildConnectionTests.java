package dev.proctest.engine.child;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.engine.calls.ChildCalls;
import dev.proctest.engine.hub.FakeChild;
import dev.proctest.engine.hub.Hub;
import dev.proctest.engine.logs.ChildLog;
import dev.proctest.engine.report.RunTally;
import dev.proctest.engine.support.Changes;
import dev.proctest.wire.ChildPlan;
import dev.proctest.wire.Message;
import dev.proctest.wire.Protocol;
import dev.proctest.wire.TimePlan;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeromq.ZContext;

/** A child's connection asks and answers in the child's order, also for what was asked before the child connected. */
class ChildConnectionTests {

    private static final ChildPlan PLAN = new ChildPlan("pong", "com.example.Pong", List.of(), Map.of(), Duration.ofSeconds(10), List.of(),
            TimePlan.REAL);

    @TempDir
    Path directory;

    private Hub hub;
    private ZContext context;
    private Changes changes;
    private ChildLog log;
    private ChildStatus status;
    private ChildConnection connection;

    @BeforeEach
    void connectionAtAHub() {
        hub = Hub.start();
        context = new ZContext();
        changes = new Changes();
        log = new ChildLog("pong", directory.resolve("pong.log"), 100, false, changes);
        status = new ChildStatus(changes, RunTally.of(Path.of("target", "proctest")));
        connection = new ChildConnection(PLAN, log, new ChildCalls("pong", changes), status, Map.of(), hub, false, null, null);
    }

    @AfterEach
    void close() {
        connection.close();
        log.close();
        context.close();
        hub.close();
    }

    @Test
    void aSyncAskedBeforeTheChildConnectsIsAskedWhenItDoes() {
        log.piped(false, List.of("written before the runtime started")); // no record to match it with: the log asks the runtime

        FakeChild child = new FakeChild(context, hub, connection.id()).hello(hub.token());

        assertThat(child.receive()).isInstanceOf(Message.Plan.class);
        assertThat(child.receive()).isEqualTo(new Message.Sync(1));
    }

    @Test
    void aChildOnOtherJarsIsRefusedAndItsStatusSaysWhy() throws InterruptedException {
        FakeChild child = new FakeChild(context, hub, connection.id()).send(new Message.Hello(hub.token(), 1, Protocol.VERSION + 1, "9.9.9"));

        assertThat(child.receive()).isInstanceOf(Message.Refused.class);
        assertThat(changes.await(() -> status.refusal().isPresent(), System.nanoTime() + Duration.ofSeconds(5).toNanos())).isTrue();
        assertThat(status.refusal().orElseThrow()).startsWith("the child runs proctest 9.9.9 (protocol " + (Protocol.VERSION + 1) + ")");
    }

    @Test
    void readyTakesEffectOnlyAfterTheRecordsSentBeforeIt() throws InterruptedException {
        FakeChild child = new FakeChild(context, hub, connection.id()).hello(hub.token());
        assertThat(child.receive()).isInstanceOf(Message.Plan.class);
        child.send(new Message.Ready());

        assertThat(changes.await(status::hasSignalled, System.nanoTime() + Duration.ofSeconds(5).toNanos())).isTrue();
    }
}
