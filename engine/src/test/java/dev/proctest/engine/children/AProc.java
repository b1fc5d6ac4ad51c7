package dev.proctest.engine.children;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Process A of the PyZMQ article: binds a REP socket to a random port, creates B with that port,
 * on a worker thread when its argument says {@code worker}, starts it, and answers pings.
 */
public final class AProc {

    private AProc() {}

    public static void main(String[] args) throws InterruptedException {
        try (ZContext context = new ZContext()) {
            ZMQ.Socket rep = context.createSocket(SocketType.REP);
            int port = rep.bindToRandomPort("tcp://127.0.0.1");
            Runnable startB = () -> new BProc(port).start();
            if (args.length > 0 && args[0].equals("worker")) {
                Thread worker = new Thread(startB, "b-starter");
                worker.start();
                worker.join();
            } else {
                startB.run();
            }
            while (!Thread.currentThread().isInterrupted()) {
                String request = rep.recvStr();
                rep.send(request.equals("ping") ? "pong" : "?");
            }
        }
    }
}
