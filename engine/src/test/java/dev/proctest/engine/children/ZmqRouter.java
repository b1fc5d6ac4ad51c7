package dev.proctest.engine.children;

import java.util.ArrayList;
import java.util.List;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A JeroMQ ROUTER that answers each message to the peer that sent it: its identity frame, then the
 * other frames with the last one prefixed by {@code "re: "}. Logs each peer it hears from.
 */
public final class ZmqRouter {

    private ZmqRouter() {}

    public static void main(String[] args) {
        try (ZContext context = new ZContext()) {
            ZMQ.Socket router = context.createSocket(SocketType.ROUTER);
            router.bind(args[0]);
            while (!Thread.currentThread().isInterrupted()) {
                List<byte[]> frames = new ArrayList<>();
                do {
                    frames.add(router.recv());
                } while (router.hasReceiveMore());
                System.out.println("message from " + new String(frames.get(0)) + " with " + frames.size() + " frames");
                byte[] last = frames.get(frames.size() - 1);
                frames.set(frames.size() - 1, ("re: " + new String(last)).getBytes());
                for (int i = 0; i < frames.size(); i++) {
                    router.send(frames.get(i), i < frames.size() - 1 ? ZMQ.SNDMORE : 0);
                }
            }
        }
    }
}
