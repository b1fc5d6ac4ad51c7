package dev.proctest.samples.pingpong;

import java.util.List;
import org.zeromq.SocketType;

/** The pong process: a REP socket whose pings the {@link PingHandler} answers. */
public class PongProc extends ZmqProcess {

    private final String bindAddress;
    private final PingHandler pingHandler = new PingHandler();

    /** @param bindAddress {@code host:port}, or {@code host} for a random port */
    public PongProc(String bindAddress) {
        this.bindAddress = bindAddress;
    }

    @Override
    protected void setup() {
        super.setup();
        Stream[] rep = new Stream[1];
        RepStreamHandler handler = new RepStreamHandler(bytes -> rep[0].socket().send(bytes), this::stop, pingHandler);
        rep[0] = stream(SocketType.REP, bindAddress, true, message -> handle(handler, message));
        System.out.println("Pong is listening");
    }

    private static void handle(RepStreamHandler handler, List<byte[]> message) {
        try {
            handler.accept(message);
        } catch (IllegalArgumentException e) {
            handler.refuse(e.getMessage());
        }
    }

    /** Runs pong on the address given: {@code 127.0.0.1:5678}. */
    public static void main(String[] args) {
        new PongProc(args.length > 0 ? args[0] : "127.0.0.1:5678").run();
    }
}
