package dev.proctest.samples.chat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A chat peer: {@code ChatPeer <host> <port> <name>} joins the server and keeps what it hears;
 * the rest of the program, or a test's lambda run in it, speaks and listens through its static
 * methods.
 */
public final class ChatPeer {

    private static final CountDownLatch JOINED = new CountDownLatch(1);
    private static final BlockingQueue<String> HEARD = new LinkedBlockingQueue<>();
    private static volatile PrintWriter out;

    private ChatPeer() {}

    public static void main(String[] args) throws IOException {
        Socket socket = new Socket(args[0], Integer.parseInt(args[1]));
        out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8);
        out.println(args[2]);
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.equals("welcome")) {
                JOINED.countDown();
            } else {
                HEARD.add(line);
            }
        }
    }

    /** Waits until the server has said welcome: from then on, this peer hears what others say. */
    public static void awaitJoined(Duration timeout) throws InterruptedException {
        if (!JOINED.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("not welcomed within " + timeout);
        }
    }

    public static void say(String line) {
        out.println(line);
    }

    /** Returns the next line heard, waiting up to {@code timeout}. */
    public static String next(Duration timeout) throws InterruptedException {
        String line = HEARD.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (line == null) {
            throw new UncheckedIOException(new IOException("heard nothing within " + timeout));
        }
        return line;
    }
}
