package dev.proctest.samples.chat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The chat server: {@code ChatServer <port>}. A peer sends its name as its first line and is
 * answered {@code welcome} once it has joined; each line it says then goes to every other peer
 * that has joined, as {@code <name>: <line>}.
 */
public final class ChatServer {

    private static final List<PrintWriter> JOINED = new CopyOnWriteArrayList<>();

    private ChatServer() {}

    public static void main(String[] args) throws IOException {
        try (ServerSocket server = new ServerSocket(Integer.parseInt(args[0]), 50, InetAddress.getLoopbackAddress())) {
            while (true) {
                Socket peer = server.accept();
                Thread thread = new Thread(() -> serve(peer), "peer");
                thread.setDaemon(true);
                thread.start();
            }
        }
    }

    private static void serve(Socket peer) {
        try (peer;
                BufferedReader in = new BufferedReader(new InputStreamReader(peer.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(peer.getOutputStream(), true, StandardCharsets.UTF_8)) {
            String name = in.readLine();
            JOINED.add(out);
            out.println("welcome");
            System.out.println(name + " joined");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                for (PrintWriter other : JOINED) {
                    if (other != out) {
                        other.println(name + ": " + line);
                    }
                }
            }
            JOINED.remove(out);
        } catch (IOException e) {
            System.out.println("a peer left: " + e.getMessage());
        }
    }
}
