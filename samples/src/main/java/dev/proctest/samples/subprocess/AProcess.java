package dev.proctest.samples.subprocess;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Process A: binds a REP socket to a random port, starts B with that port (on a worker thread
 * with the argument {@code worker}), and answers {@code ping} with {@code pong} until it receives
 * {@code plzdiekthxbye}.
 */
public final class AProcess {

    private AProcess() {}

    public static void main(String[] args) throws InterruptedException {
        try (ZContext context = new ZContext()) {
            ZMQ.Socket rep = context.createSocket(SocketType.REP);
            int port = rep.bindToRandomPort("tcp://127.0.0.1");
            Runnable startB = () -> new BProcess(port).start();
            if (args.length > 0 && args[0].equals("worker")) {
                Thread starter = new Thread(startB, "b-starter");
                starter.start();
                starter.join();
            } else {
                startB.run();
            }
            System.out.println("A listening on port " + port);
            while (true) {
                String request = rep.recvStr();
                if (request.equals("plzdiekthxbye")) {
                    rep.send("bye");
                    return;
                }
                rep.send(request.equals("ping") ? "pong" : "unknown request: " + request);
            }
        }
    }
}
