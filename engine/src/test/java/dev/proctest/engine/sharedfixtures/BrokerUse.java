package dev.proctest.engine.sharedfixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.proctest.Logs;
import dev.proctest.Processes;
import dev.proctest.Shared;
import dev.proctest.TestSocket;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.zeromq.SocketType;

/** What the tests of the shared pong broker do: ask for it, all at once if {@link #together} is set, and ping it. */
public final class BrokerUse {

    /** The pid each test was given. */
    public static final Queue<Long> PIDS = new ConcurrentLinkedQueue<>();
    /** Where the tests meet before they ask, or null. */
    public static volatile CyclicBarrier together;

    private BrokerUse() {}

    static void ping(Processes processes, Logs logs) throws Exception {
        CyclicBarrier barrier = together;
        if (barrier != null) {
            barrier.await(30, TimeUnit.SECONDS);
        }
        Shared broker = processes.shared(PongBroker.class);
        PIDS.add(broker.child().pid());
        TestSocket req = processes.socket(SocketType.REQ).connect(broker.endpoint("pong"));
        req.send("ping");
        assertEquals("pong", req.receive());
        logs.await("serving on " + broker.endpoint("pong").address()); // the shared child's log is in the test's view
    }
}
