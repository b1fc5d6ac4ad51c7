package dev.proctest.reliability.hangs.children;

import dev.proctest.child.ProcTest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A TCP server on the port given as its argument that accepts every connection and then says
 * nothing and reads nothing: a peer that never answers, and, to a ZeroMQ socket, a handshake that
 * never completes (no ZMTP greeting ever comes).
 */
public final class MutePeer {

    private MutePeer() {}

    public static void main(String[] args) throws IOException {
        List<Socket> held = new ArrayList<>(); // kept open, never read or written
        try (ServerSocket server = new ServerSocket(Integer.parseInt(args[0]), 50, InetAddress.getLoopbackAddress())) {
            System.out.println("mute on " + server.getLocalPort());
            ProcTest.ready();
            while (true) {
                held.add(server.accept());
            }
        }
    }
}
