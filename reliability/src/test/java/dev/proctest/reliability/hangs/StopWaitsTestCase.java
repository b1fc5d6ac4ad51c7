package dev.proctest.reliability.hangs;

import static dev.proctest.reliability.hangs.Deadline.D;
import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.ChildProcess;
import dev.proctest.ChildProcessException;
import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.Stop;
import dev.proctest.reliability.hangs.children.BlocksInShutdownHook;
import dev.proctest.reliability.hangs.children.ClosesStdout;
import dev.proctest.reliability.hangs.children.Floods;
import dev.proctest.reliability.hangs.children.IgnoresSigterm;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * {@code awaitExit}, {@code logs().await} and {@code stop} end by their deadlines against children
 * that will not end when asked, that close their output or that flood it.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
public class StopWaitsTestCase {

    private static JavaChild child(Class<?> main) {
        return JavaChild.main(main).readyWhen(Ready.whenSignalled().within(Deadline.SETUP)).stopWith(Stop.gracefully().within(D));
    }

    @ProcessTest
    void stopKillsByItsDeadlineAChildThatIgnoresSigterm(Processes processes) throws Exception {
        ChildProcess child = processes.spawn(child(IgnoresSigterm.class));
        Deadline.of("awaitExit(D)", "ignores SIGTERM", D).fails(ChildProcessException.class, () -> child.awaitExit(D));
        Deadline.of("stop, Stop.gracefully().within(D)", "ignores SIGTERM", D).ends(true, child::stop);
        assertThat(child.isAlive()).isFalse();
    }

    @ProcessTest
    void stopKillsByItsDeadlineAChildBlockedInItsShutdownHook(Processes processes) throws Exception {
        ChildProcess child = processes.spawn(child(BlocksInShutdownHook.class));
        Deadline.of("stop, Stop.gracefully().within(D)", "blocks in its shutdown hook", D).ends(true, child::stop);
        assertThat(child.isAlive()).isFalse();
    }

    @ProcessTest
    void waitsEndByTheirDeadlinesOnAChildThatClosedItsOutput(Processes processes) throws Exception {
        ChildProcess child = processes.spawn(child(ClosesStdout.class));
        Deadline.of("logs().within(D).await(..)", "closed its stdout", D).fails(ChildProcessException.class, () ->
                child.logs().within(D).await("never said"));
        Deadline.of("awaitExit(D)", "closed its stdout", D).fails(ChildProcessException.class, () -> child.awaitExit(D));
        Deadline.of("stop, Stop.gracefully().within(D)", "closed its stdout", D).ends(false, child::stop);
        assertThat(child.isAlive()).isFalse();
    }

    @ProcessTest
    void waitsEndByTheirDeadlinesOnAChildFloodingItsOutput(Processes processes) throws Exception {
        ChildProcess child = processes.spawn(child(Floods.class));
        Deadline.of("logs().within(D).await(..)", "floods 100 MB", D).fails(ChildProcessException.class, () ->
                child.logs().within(D).await("never said"));
        Deadline.of("awaitExit(D)", "floods 100 MB", D).fails(ChildProcessException.class, () -> child.awaitExit(D));
        Deadline.of("stop, Stop.gracefully().within(D)", "floods 100 MB", D).ends(false, child::stop);
        assertThat(child.isAlive()).isFalse();
    }
}
