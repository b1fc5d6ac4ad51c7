package dev.proctest.reliability.hostile;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.proctest.wire.Message;
import dev.proctest.wire.MessageCodec;
import dev.proctest.wire.Protocol;
import dev.proctest.wire.Reply;
import dev.proctest.wire.Sockets;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

/**
 * A process of the machine that is no child of the run, sending a hub frames it never asked for:
 * raw TCP garbage, truncated ZMTP greetings, headers that announce frames of up to 2^63 bytes, and,
 * over well-formed ZMTP connections of its own (JeroMQ DEALERs), random frames, truncated
 * messages, introductions with guessed tokens under made-up and guessed child ids, and every kind of
 * message a child may send. Run as a plain process: {@code HostileSender <hub address> <frames>
 * <seed>}; its last line says what it sent.
 */
public final class HostileSender {

    /** Messages sent per DEALER connection before it is closed and another made. */
    private static final int MESSAGES_PER_CONNECTION = 100;

    private static final long[] OVERSIZED = {(64L << 20) + 1, 1L << 30, Integer.MAX_VALUE, 1L << 40, Long.MAX_VALUE};

    private final URI hub;
    private final Random random;
    private long frames;
    private long messages;
    /** Messages sent under an id of the form the run's children have: a live child's id makes the hub drop the connection unheard. */
    private long guessed;
    /** Messages the hub has taken in for sure: sent before a HELLO that it answered. */
    private long confirmed;
    /**
     * Raw bytes sent. A stream that does not start as a ZMTP 3 greeting is read as the unversioned
     * ZMTP 1.0, a length and a flags byte per frame, so some reach the hub as messages, malformed ones.
     */
    private long rawBytes;
    private long connections;
    private long oversized;

    private HostileSender(URI hub, Random random) {
        this.hub = hub;
        this.random = random;
    }

    public static void main(String[] args) throws IOException {
        HostileSender sender = new HostileSender(URI.create(args[0]), new Random(Long.parseLong(args[2])));
        long target = Long.parseLong(args[1]);
        try (ZContext context = new ZContext(1)) {
            for (long round = 0; sender.frames < target; round++) {
                if (round % 3 == 0) {
                    sender.rawGarbage();
                } else if (round % 3 == 1) {
                    sender.oversizedOrTruncated();
                } else {
                    sender.dealer(context, target);
                }
            }
        }
        System.out.println("hostile-sender frames=" + sender.frames + " messages=" + sender.messages + " guessed=" + sender.guessed + " confirmed=" + sender.confirmed + " rawBytes=" + sender.rawBytes
                + " connections=" + sender.connections + " oversized=" + sender.oversized);
    }

    /** Random bytes on a plain TCP connection: the hub's socket drops it in the greeting. */
    private void rawGarbage() throws IOException {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            for (int chunks = 1 + random.nextInt(16); chunks > 0; chunks--) {
                byte[] chunk = bytes(1 + random.nextInt(2_048));
                out.write(chunk);
                frames++;
                rawBytes += chunk.length;
            }
        } catch (IOException e) {
            // the hub dropped the connection as it should: the next round makes another
        }
    }

    /** A ZMTP greeting cut short, or whole and followed by a header announcing a frame larger than the channel takes. */
    private void oversizedOrTruncated() throws IOException {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            byte[] greeting = greeting();
            if (random.nextBoolean()) {
                out.write(greeting, 0, random.nextInt(greeting.length));
            } else {
                out.write(greeting);
                long size = OVERSIZED[random.nextInt(OVERSIZED.length)];
                out.write(ByteBuffer.allocate(9).put((byte) (random.nextBoolean() ? 0x06 : 0x02)).putLong(size).array());
                oversized++;
            }
            out.flush();
            frames++;
        } catch (IOException e) {
            // dropped, as it should be
        }
    }

    /** A well-formed ZMTP connection that sends what a child could, and worse. */
    private void dealer(ZContext context, long target) {
        ZMQ.Socket dealer = context.createSocket(SocketType.DEALER);
        String identity = identity();
        boolean guess = identity.startsWith("child-");
        if (!identity.isEmpty()) {
            dealer.setIdentity(identity.getBytes(UTF_8));
        }
        Sockets.configure(dealer); // JeroMQ's fresh connections stall their handshake at times: as proctest's own, retry soon
        dealer.setLinger(guess ? 0 : 5_000); // what was sent reaches the hub before the socket goes; a guess may never get through
        dealer.connect(hub.toString());
        connections++;
        int hellos = 0;
        long sent = 0;
        for (int i = 0; i < MESSAGES_PER_CONNECTION && frames < target; i++) {
            ZMsg message = message();
            if (isWholeHello(message)) {
                hellos++;
            }
            sent++;
            frames += message.size();
            messages++;
            if (guess) {
                guessed++;
            }
            message.send(dealer);
        }
        if (!guess && confirm(dealer, hellos)) {
            confirmed += sent + 1;
        }
        dealer.close();
    }

    /**
     * Says HELLO once more and waits for the hub's answers to every whole HELLO of this connection:
     * the hub reads a connection in order, so it has then read all that was sent before.
     */
    private boolean confirm(ZMQ.Socket dealer, int hellos) {
        MessageCodec.toZMsg(null, new Message.Hello("wrong", 1, Protocol.VERSION, Protocol.RELEASE)).send(dealer);
        messages++;
        frames += 5;
        dealer.setReceiveTimeOut(10_000);
        for (int answered = 0; answered <= hellos; answered++) {
            ZMsg reply = ZMsg.recvMsg(dealer);
            if (reply == null) {
                return false;
            }
        }
        return true;
    }

    private String identity() {
        return switch (random.nextInt(4)) {
            case 0 -> ""; // the socket makes one up
            case 1 -> "child-" + (1 + random.nextInt(8)); // a guess at the run's children
            case 2 -> "intruder-" + random.nextInt(1_000_000);
            default -> HexFormat.of().formatHex(bytes(1 + random.nextInt(32)));
        };
    }

    private ZMsg message() {
        int kind = random.nextInt(10);
        if (kind < 3) { // random frames
            ZMsg message = new ZMsg();
            for (int frame = 1 + random.nextInt(5); frame > 0; frame--) {
                message.add(bytes(random.nextInt(random.nextInt(100) == 0 ? 65_536 : 256)));
            }
            return message;
        }
        Message wellFormed = switch (kind) {
            case 3, 4 -> new Message.Hello(HexFormat.of().formatHex(bytes(16)), random.nextInt(100_000), Protocol.VERSION,
                    Protocol.RELEASE); // a guessed token
            case 5 -> new Message.Ready();
            case 6 -> new Message.Logs(bytes(random.nextInt(512)));
            case 7 -> new Message.Ask(random.nextLong(), bytes(random.nextInt(512)));
            case 8 -> new Message.Returned(random.nextInt(100), new Reply(Reply.Outcome.VALUE, bytes(random.nextInt(512))));
            default -> new Message.Publish("key-" + random.nextInt(10), bytes(random.nextInt(512)));
        };
        List<byte[]> encoded = MessageCodec.encode(wellFormed);
        int kept = random.nextInt(4) == 0 ? random.nextInt(encoded.size()) + 1 : encoded.size(); // a quarter cut short, or not
        ZMsg message = new ZMsg();
        encoded.subList(0, kept).forEach(message::add);
        if (random.nextInt(20) == 0) {
            message.add("one frame too many".getBytes(US_ASCII));
        }
        return message;
    }

    private static boolean isWholeHello(ZMsg message) {
        return message.size() == 5 && new String(message.getFirst().getData(), US_ASCII).equals("HELLO");
    }

    private Socket connect() throws IOException {
        connections++;
        return new Socket(hub.getHost(), hub.getPort());
    }

    private byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** A ZMTP 3.0 greeting with the NULL mechanism. */
    static byte[] greeting() {
        byte[] greeting = new byte[64];
        greeting[0] = (byte) 0xff;
        greeting[9] = 0x7f;
        greeting[10] = 3;
        System.arraycopy("NULL".getBytes(US_ASCII), 0, greeting, 12, 4);
        return greeting;
    }
}
