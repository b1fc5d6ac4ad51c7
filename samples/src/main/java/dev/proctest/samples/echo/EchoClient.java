package dev.proctest.samples.echo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Sends each message to the echo server and prints the replies: {@code EchoClient <port> <message>...}. */
public final class EchoClient {

    private EchoClient() {}

    public static void main(String[] args) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0]));
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8)) {
            socket.setSoTimeout(5_000);
            for (int i = 1; i < args.length; i++) {
                out.println(args[i]);
                System.out.println(in.readLine());
            }
            out.println("bye");
        }
    }
}
