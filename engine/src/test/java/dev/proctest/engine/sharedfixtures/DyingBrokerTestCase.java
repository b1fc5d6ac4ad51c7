package dev.proctest.engine.sharedfixtures;

import dev.proctest.ChildProcess;
import dev.proctest.Logs;
import dev.proctest.Processes;
import dev.proctest.ProcessTest;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

/**
 * Run with three threads: two tests use the shared child when one of them kills it behind
 * proctest's back; a third asks for it once it has ended.
 */
public class DyingBrokerTestCase {

    private static final CyclicBarrier BOTH_USING = new CyclicBarrier(2);
    private static final CountDownLatch ENDED = new CountDownLatch(2);

    @ProcessTest
    void kills(Processes processes) throws Exception {
        ChildProcess child = processes.shared(DyingBroker.class).child();
        BOTH_USING.await(30, TimeUnit.SECONDS);
        ProcessHandle.of(child.pid()).ifPresent(ProcessHandle::destroyForcibly);
        awaitEnd(child);
    }

    /** Waits for a line that never comes: the shared child's end fails the wait at once, not at its timeout. */
    @ProcessTest
    void watches(Processes processes, Logs logs) throws Exception {
        processes.shared(DyingBroker.class);
        BOTH_USING.await(30, TimeUnit.SECONDS);
        try {
            logs.within(Duration.ofSeconds(60)).await("never logged");
        } finally {
            ENDED.countDown();
        }
    }

    @ProcessTest
    void asksOnceItEnded(Processes processes) throws Exception {
        if (!ENDED.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the shared child did not end within 30 s");
        }
        processes.shared(DyingBroker.class);
    }

    /** Waits for the exit behind proctest's back: awaitExit would tell proctest the exit is expected. */
    private static void awaitEnd(ChildProcess child) {
        try {
            ProcessHandle.of(child.pid()).ifPresent(process -> process.onExit().orTimeout(10, TimeUnit.SECONDS).join());
        } finally {
            ENDED.countDown();
        }
    }
}
