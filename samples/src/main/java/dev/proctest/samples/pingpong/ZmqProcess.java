package dev.proctest.samples.pingpong;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** The base of every process: a context, a poll loop, and a factory of sockets with callbacks. */
public abstract class ZmqProcess {

    /** A socket and the port it was bound or connected to. */
    public record Stream(ZMQ.Socket socket, int port) {}

    private final List<ZMQ.Socket> sockets = new ArrayList<>();
    private final List<Consumer<List<byte[]>>> callbacks = new ArrayList<>();
    protected ZContext context;
    private volatile boolean running;

    /** Creates the context; subclasses create their streams after calling it. */
    protected void setup() {
        context = new ZContext();
    }

    /**
     * Creates a socket and binds or connects it.
     *
     * @param address {@code host:port}, or {@code host} to bind to a random port
     * @param callback gets every message the socket receives, as its frames; null for none
     */
    protected Stream stream(SocketType type, String address, boolean bind, Consumer<List<byte[]>> callback) {
        String[] hostAndPort = address.split(":");
        if (hostAndPort.length > 2 || hostAndPort[0].isEmpty()) {
            throw new IllegalArgumentException("An address is host:port or host, was [" + address + "]");
        }
        ZMQ.Socket socket = context.createSocket(type);
        int port;
        if (bind) {
            if (hostAndPort.length == 2) {
                port = Integer.parseInt(hostAndPort[1]);
                socket.bind("tcp://" + hostAndPort[0] + ":" + port);
            } else {
                port = socket.bindToRandomPort("tcp://" + hostAndPort[0]);
            }
        } else {
            if (hostAndPort.length != 2) {
                throw new IllegalArgumentException("Connecting needs host:port, was [" + address + "]");
            }
            port = Integer.parseInt(hostAndPort[1]);
            socket.connect("tcp://" + hostAndPort[0] + ":" + port);
        }
        if (type == SocketType.SUB) {
            socket.subscribe(new byte[0]);
        }
        if (callback != null) {
            sockets.add(socket);
            callbacks.add(callback);
        }
        return new Stream(socket, port);
    }

    /** Sets up and runs the loop until {@link #stop()}. */
    public void run() {
        setup();
        running = true;
        try (ZMQ.Poller poller = context.createPoller(sockets.size())) {
            sockets.forEach(socket -> poller.register(socket, ZMQ.Poller.POLLIN));
            while (running && !Thread.currentThread().isInterrupted()) {
                poller.poll(100);
                for (int i = 0; i < sockets.size() && running; i++) {
                    if (poller.pollin(i)) {
                        callbacks.get(i).accept(frames(sockets.get(i)));
                    }
                }
            }
        } finally {
            context.close();
        }
    }

    /** Ends the loop after the message being handled. */
    public void stop() {
        running = false;
    }

    private static List<byte[]> frames(ZMQ.Socket socket) {
        List<byte[]> frames = new ArrayList<>();
        do {
            frames.add(socket.recv());
        } while (socket.hasReceiveMore());
        return frames;
    }
}
