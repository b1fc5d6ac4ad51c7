package dev.proctest.child;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The program the test JVM runs once per JDK and runtime jars, with the JVM writing a class data
 * archive as it exits: it loads what every child loads (the runtime's classes and JeroMQ's) and
 * makes one exchange over a DEALER, as a child does with the hub, so that children started with
 * the archive map these classes instead of loading and verifying them.
 */
@API(status = INTERNAL, since = "0.2")
public final class ClassDataTraining {

    private ClassDataTraining() {}

    public static void main(String[] args) {
        Prewarm.loadRuntime();
        try (ZContext context = new ZContext()) {
            ZMQ.Socket router = context.createSocket(SocketType.ROUTER);
            int port = router.bindToRandomPort("tcp://127.0.0.1");
            ZMQ.Socket dealer = context.createSocket(SocketType.DEALER);
            dealer.connect("tcp://127.0.0.1:" + port);
            dealer.send("hello");
            router.setReceiveTimeOut(10_000);
            if (router.recv() == null || router.recvStr() == null) {
                System.err.println("proctest: the class data training got no answer over loopback");
                System.exit(1);
            }
        }
    }
}
