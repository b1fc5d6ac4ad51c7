package dev.proctest.samples.echo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Serves the echo protocol on a loopback port, one thread per client: {@code EchoServer <port>}. */
public final class EchoServer {

    private EchoServer() {}

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        try (ServerSocket server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            System.out.println("echo server listening on port " + server.getLocalPort());
            while (true) {
                Socket client = server.accept();
                new Thread(() -> serve(client), "client-" + client.getPort()).start();
            }
        }
    }

    private static void serve(Socket client) {
        try (client;
                BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                Optional<String> reply = EchoProtocol.reply(line);
                if (reply.isEmpty()) {
                    return;
                }
                out.println(reply.get());
            }
        } catch (IOException e) {
            System.err.println("client went away: " + e.getMessage());
        }
    }
}
