package dev.proctest.reliability.hangs;

import static dev.proctest.reliability.hangs.Deadline.D;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;

import dev.proctest.CallRecorder;
import dev.proctest.ChildProcess;
import dev.proctest.ChildProcessException;
import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.Stop;
import dev.proctest.reliability.hangs.children.Idle;
import dev.proctest.reliability.hangs.children.Thermometer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.mockito.exceptions.base.MockitoAssertionError;

/**
 * Remote runs, call verification and published values end by their deadlines against a lambda that
 * loops, an answer of the test that never returns, and calls that never come; and the child is
 * still stopped by its deadline with both stuck.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
public class RemoteWaitsTestCase {

    @ProcessTest
    void remoteWaitsEndByTheirDeadlines(Processes processes, CallRecorder calls) throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        ChildProcess child = processes.spawn(JavaChild.main(Idle.class).mock(Thermometer.class)
                .answer(Thermometer.class, "read", call -> {
                    never.await(); // the fault: an answer that does not return until the test ends
                    return 20.0;
                }).readyWhen(Ready.whenSignalled().within(Deadline.SETUP)).stopWith(Stop.gracefully().within(D)));
        try {
            Deadline.of("run(lambda, D)", "remote answer never returns", D).fails(ChildProcessException.class, () ->
                    child.run(() -> new Thermometer().read(), D));
            Deadline.of("run(lambda, D)", "lambda loops", D).fails(ChildProcessException.class, () -> child.run(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.onSpinWait();
                }
                return "interrupted";
            }, D));
            Deadline.of("calls().within(D).await(..)", "call never made", D).fails(ChildProcessException.class, () ->
                    calls.within(D).await(Thermometer.class, "calibrate"));
            Thermometer mirror = calls.mirror(Thermometer.class); // Mockito's first mock takes seconds: no wait of proctest's
            Deadline.of("verify(mirror, timeout(D))", "call never made", D).fails(MockitoAssertionError.class, () ->
                    verify(mirror, timeout(D.toMillis())).calibrate());
            Deadline.of("published(key)", "never published", D).fails(ChildProcessException.class, () -> child.published("port"));
            Deadline.of("logs().within(D).await(..)", "never logs", D).fails(ChildProcessException.class, () ->
                    child.logs().within(D).await("never said"));
            Deadline.of("awaitExit(D)", "never exits", D).fails(ChildProcessException.class, () -> child.awaitExit(D));
            Deadline.of("stop, Stop.gracefully().within(D)", "answer and lambda stuck", D).ends(false, child::stop);
            assertThat(child.isAlive()).isFalse();
        } finally {
            never.countDown();
        }
    }
}
