package dev.proctest.engine.processfixtures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.ChildProcess;
import dev.proctest.Endpoint;
import dev.proctest.JavaChild;
import dev.proctest.Level;
import dev.proctest.LogRecord;
import dev.proctest.Logs;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.Stop;
import dev.proctest.engine.children.ThrowsAsItExits;
import dev.proctest.engine.children.ThrowsAtStartup;
import dev.proctest.engine.children.ThrowsOnWorker;
import dev.proctest.engine.children.ThrowsWhenAskedToStop;
import dev.proctest.engine.children.ThrowsWhileStopping;
import dev.proctest.wire.WireRecord;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.zeromq.SocketType;

/** Children whose threads throw what nothing catches: some tests fail for it, some may not. */
public class UncaughtTestCase {

    @ProcessTest
    void failsAtTheNextWait(Processes processes, Logs logs) {
        processes.spawn(JavaChild.main(ThrowsOnWorker.class));
        logs.within(Duration.ofSeconds(60)).await("never logged"); // the uncaught exception ends the wait
    }

    @ProcessTest
    void failsAtItsEnd(Processes processes, Logs logs) {
        processes.spawn(JavaChild.main(ThrowsOnWorker.class));
        Records.awaitQuietly(logs, WireRecord.UNCAUGHT);
    }

    @ProcessTest
    void allowedSupertypeLetsItPass(Processes processes, Logs logs) {
        processes.spawn(JavaChild.main(ThrowsOnWorker.class).allowUncaught(UncheckedIOException.class, RuntimeException.class));
        LogRecord record = logs.await("Exception in thread \"worker-1\"");
        assertThat(record.logger()).isEqualTo(WireRecord.UNCAUGHT);
        assertThat(record.thread()).isEqualTo("worker-1");
        assertThat(record.throwable()).hasValueSatisfying(thrown -> assertThat(thrown.type()).isEqualTo("java.lang.IllegalStateException"));
        logs.await("worker gone");
    }

    @ProcessTest
    void otherAllowedTypeDoesNotLetItPass(Processes processes, Logs logs) {
        processes.spawn(JavaChild.main(ThrowsOnWorker.class).allowUncaught(UncheckedIOException.class));
        logs.within(Duration.ofSeconds(60)).await("never logged");
    }

    @ProcessTest
    void throwWhileStoppedDoesNotFail(Processes processes) {
        Endpoint endpoint = processes.endpoint("control");
        ChildProcess child = processes.spawn(JavaChild.main(ThrowsWhenAskedToStop.class).args(endpoint.address())
                .readyWhen(Ready.listening(endpoint)).stopWith(Stop.bySending(endpoint, SocketType.REQ, "bye")));
        child.stop();
        assertThat(child.logs().await("Exception in thread \"closer\"").logger()).isEqualTo(WireRecord.UNCAUGHT);
    }

    @ProcessTest
    void throwWhileTheTestEndsDoesNotFail(Processes processes) {
        processes.spawn(JavaChild.main(ThrowsWhileStopping.class));
    }

    @ProcessTest
    void mainThatEndsByAThrowMayWhenTheExitIsExpected(Processes processes) {
        ChildProcess child = processes.spawn(JavaChild.main(ThrowsAtStartup.class).mayExit());
        assertThat(child.awaitExit(Duration.ofSeconds(10))).isEqualTo(1);
        assertThat(child.logs().await("Exception in thread \"main\"").logger()).isEqualTo(WireRecord.UNCAUGHT_MAIN);
    }

    @ProcessTest
    void throwWhileTheChildExitsAsExpectedDoesNotFail(Processes processes) {
        ChildProcess child = processes.start(JavaChild.main(ThrowsAsItExits.class).mayExit().failOnLogged(Level.ERROR)); // nor a logged error
        assertThat(child.awaitExit(Duration.ofSeconds(10))).isZero();
        assertThat(child.logs().await("Exception in thread \"poller\"").logger()).isEqualTo(WireRecord.UNCAUGHT_AT_EXIT);
    }

    @ProcessTest
    void mainThatEndsByAThrowFailsOnce(Processes processes, Logs logs) {
        ChildProcess child = processes.start(JavaChild.main(ThrowsAtStartup.class));
        Records.awaitQuietly(logs, WireRecord.UNCAUGHT_MAIN);
        ProcessHandle.of(child.pid()).ifPresent(process -> process.onExit().join()); // behind proctest's back: not an awaitExit
    }
}
