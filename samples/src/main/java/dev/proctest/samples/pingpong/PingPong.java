package dev.proctest.samples.pingpong;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** Starts pong as a process of its own, pings it five times, and stops it. */
public final class PingPong {

    private PingPong() {}

    public static void main(String[] args) throws Exception {
        int port = freePort();
        Process pong = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), PongProc.class.getName(), "127.0.0.1:" + port).inheritIO().start();
        try (ZContext context = new ZContext()) {
            ZMQ.Socket ping = context.createSocket(SocketType.REQ);
            ping.setReceiveTimeOut(10_000);
            ping.connect("tcp://127.0.0.1:" + port); // ZeroMQ connects once pong has bound
            for (int i = 0; i < 5; i++) {
                ping.send(MessageHandler.JSON.writeValueAsBytes(List.of("ping", i)));
                JsonNode reply = MessageHandler.JSON.readTree(receive(ping));
                System.out.println("Ping got reply: " + reply.get(0).asText() + " " + reply.get(1).asInt());
            }
            ping.send(MessageHandler.JSON.writeValueAsBytes(List.of("plzdiekthxbye", 0)));
            receive(ping);
        }
        if (!pong.waitFor(10, TimeUnit.SECONDS)) {
            pong.destroyForcibly();
            throw new IllegalStateException("pong did not stop");
        }
    }

    private static byte[] receive(ZMQ.Socket socket) {
        byte[] reply = socket.recv();
        if (reply == null) {
            throw new IllegalStateException("pong did not answer within 10 s");
        }
        return reply;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
