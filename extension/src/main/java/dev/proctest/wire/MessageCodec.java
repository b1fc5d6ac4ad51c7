package dev.proctest.wire;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.apiguardian.api.API.Status.INTERNAL;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;
import org.zeromq.ZFrame;
import org.zeromq.ZMsg;

/**
 * Lays {@link Message}s out as the frames of a JeroMQ multipart message and reads them back, the
 * same at both ends: the message's name as its first frame, then a frame per field. Numbers are
 * 8 bytes big-endian, text is UTF-8. Anything that does not decode, whatever its bytes, is a
 * {@link MalformedMessage} that says what was wrong.
 */
@API(status = INTERNAL, since = "0.1")
public final class MessageCodec {

    /** The first protocol sent its pid as text and no version; such a child is refused by version, not misread. */
    private static final int LEGACY_PROTOCOL = 1;

    private MessageCodec() {}

    /** Returns the frames of {@code message}. */
    public static List<byte[]> encode(Message message) {
        List<byte[]> frames = new ArrayList<>(4);
        frames.add(nameOf(message).getBytes(US_ASCII));
        if (message instanceof Message.Hello hello) {
            frames.add(text(hello.token()));
            frames.add(number(hello.pid()));
            frames.add(number(hello.protocol()));
            frames.add(text(hello.version()));
        } else if (message instanceof Message.Plan plan) {
            frames.add(plan.plan().encode());
        } else if (message instanceof Message.Refused refused) {
            frames.add(text(refused.reason()));
        } else if (message instanceof Message.Started started) {
            frames.add(started.origin().encode());
        } else if (message instanceof Message.Publish publish) {
            frames.add(text(publish.key()));
            frames.add(publish.value());
        } else if (message instanceof Message.Logs logs) {
            frames.add(logs.batch());
        } else if (message instanceof Message.Sync sync) {
            frames.add(number(sync.number()));
        } else if (message instanceof Message.Synced synced) {
            frames.add(number(synced.number()));
        } else if (message instanceof Message.Called called) {
            frames.add(called.batch());
        } else if (message instanceof Message.Ask ask) {
            frames.add(number(ask.number()));
            frames.add(ask.call());
        } else if (message instanceof Message.Answer answer) {
            reply(frames, answer.number(), answer.reply());
        } else if (message instanceof Message.Run run) {
            frames.add(number(run.number()));
            frames.add(run.callable());
        } else if (message instanceof Message.Returned returned) {
            reply(frames, returned.number(), returned.reply());
        } else if (message instanceof Message.Arrive arrive) {
            frames.add(number(arrive.number()));
            frames.add(text(arrive.barrier()));
            frames.add(number(arrive.timeoutMillis()));
        } else if (message instanceof Message.Put put) {
            frames.add(text(put.key()));
            frames.add(put.value());
        } else if (message instanceof Message.Take take) {
            frames.add(number(take.number()));
            frames.add(text(take.key()));
            frames.add(number(take.timeoutMillis()));
        } else if (message instanceof Message.Granted granted) {
            reply(frames, granted.number(), granted.reply());
        } // the others have no fields
        return frames;
    }

    /**
     * Returns the message these frames hold.
     *
     * @throws MalformedMessage for an unknown name, a missing, extra or malformed frame
     */
    public static Message decode(List<byte[]> frames) {
        if (frames.isEmpty()) {
            throw new MalformedMessage("An empty message");
        }
        String name = new String(frames.get(0), US_ASCII);
        Fields in = new Fields(name, frames);
        Message message = switch (name) {
            case "HELLO" -> hello(in);
            case "PLAN" -> new Message.Plan(in.nested("plan", ChildPlan::decode));
            case "REFUSED" -> new Message.Refused(in.text("reason"));
            case "STARTED" -> new Message.Started(in.nested("time origin", TimeOrigin::decode));
            case "READY" -> new Message.Ready();
            case "PUBLISH" -> new Message.Publish(in.text("key"), in.bytes("value"));
            case "PING" -> new Message.Ping();
            case "LOGS" -> new Message.Logs(in.bytes("batch"));
            case "SYNC" -> new Message.Sync(in.number("number"));
            case "SYNCED" -> new Message.Synced(in.number("number"));
            case "CALLED" -> new Message.Called(in.bytes("batch"));
            case "ASK" -> new Message.Ask(in.number("number"), in.bytes("call"));
            case "ANSWER" -> new Message.Answer(in.number("number"), in.reply());
            case "RUN" -> new Message.Run(in.number("number"), in.bytes("callable"));
            case "RETURNED" -> new Message.Returned(in.number("number"), in.reply());
            case "ARRIVE" -> new Message.Arrive(in.number("number"), in.text("barrier"), in.number("timeout"));
            case "PUT" -> new Message.Put(in.text("key"), in.bytes("value"));
            case "TAKE" -> new Message.Take(in.number("number"), in.text("key"), in.number("timeout"));
            case "GRANTED" -> new Message.Granted(in.number("number"), in.reply());
            case "DUMP" -> new Message.Dump();
            case "DUMPED" -> new Message.Dumped();
            case "END" -> new Message.End();
            case "ENDED" -> new Message.Ended();
            default -> throw new MalformedMessage("An unknown message [" + printable(name) + "]");
        };
        in.end();
        return message;
    }

    /** The names of the kinds of message: each record's simple name in capitals, {@code HELLO} of {@code Hello}. */
    private static final ClassValue<String> NAMES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            return type.getSimpleName().toUpperCase(Locale.ROOT);
        }
    };

    /**
     * Returns {@code message} as a JeroMQ message, after {@code identity} if not null (a ROUTER's peer).
     *
     * @throws IllegalArgumentException if a frame is larger than the channel takes ({@link Sockets#CHANNEL_FRAME_LIMIT})
     */
    public static ZMsg toZMsg(byte[] identity, Message message) {
        ZMsg frames = new ZMsg();
        if (identity != null) {
            frames.add(identity);
        }
        for (byte[] frame : encode(message)) {
            if (frame.length > Sockets.CHANNEL_FRAME_LIMIT) {
                throw new IllegalArgumentException("A " + nameOf(message) + " message of " + (frame.length >> 20)
                        + " MiB is larger than the " + (Sockets.CHANNEL_FRAME_LIMIT >> 20) + " MiB the channel between"
                        + " the test JVM and a child carries");
            }
            frames.add(frame);
        }
        return frames;
    }

    /** Returns the message the frames of {@code received} hold, its identity frame taken off already. */
    public static Message fromZMsg(ZMsg received) {
        List<byte[]> frames = new ArrayList<>(received.size());
        for (ZFrame frame : received) {
            frames.add(frame.getData());
        }
        return decode(frames);
    }

    static String nameOf(Message message) {
        return NAMES.get(message.getClass());
    }

    private static Message.Hello hello(Fields in) {
        String token = in.text("token");
        if (in.remaining() == 1) {
            String pid = in.text("pid");
            try {
                return new Message.Hello(token, Long.parseLong(pid), LEGACY_PROTOCOL, "0.1.0 or older");
            } catch (NumberFormatException e) {
                throw new MalformedMessage("HELLO: the pid [" + printable(pid) + "] is not a number");
            }
        }
        long pid = in.number("pid");
        long protocol = in.number("protocol");
        if (protocol < 0 || protocol > Integer.MAX_VALUE) {
            throw new MalformedMessage("HELLO: no protocol " + protocol);
        }
        return new Message.Hello(token, pid, (int) protocol, in.text("version"));
    }

    private static void reply(List<byte[]> frames, long number, Reply reply) {
        frames.add(number(number));
        frames.add(reply.outcome().name().getBytes(US_ASCII));
        frames.add(reply.payload());
    }

    private static byte[] text(String text) {
        return text.getBytes(UTF_8);
    }

    private static byte[] number(long number) {
        return ByteBuffer.allocate(Long.BYTES).putLong(number).array();
    }

    /** The first characters of a text that came in, safe to print. */
    public static String printable(String text) {
        String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
        return shown.replaceAll("[^\\x20-\\x7e]", "?");
    }

    /** Reads the fields of one message in order, saying which is wrong. */
    private static final class Fields {

        /** A nested decoder: plan, time origin. */
        interface Decoder<T> {
            T decode(byte[] bytes);
        }

        private final String message;
        private final List<byte[]> frames;
        private int next = 1;

        Fields(String message, List<byte[]> frames) {
            this.message = message;
            this.frames = frames;
        }

        int remaining() {
            return frames.size() - next;
        }

        byte[] bytes(String field) {
            if (next >= frames.size()) {
                throw new MalformedMessage(message + ": no frame for its " + field);
            }
            return frames.get(next++);
        }

        String text(String field) {
            return new String(bytes(field), UTF_8);
        }

        long number(String field) {
            byte[] bytes = bytes(field);
            if (bytes.length != Long.BYTES) {
                throw new MalformedMessage(message + ": its " + field + " has " + bytes.length + " bytes, not " + Long.BYTES);
            }
            return ByteBuffer.wrap(bytes).getLong();
        }

        Reply reply() {
            String outcome = new String(bytes("outcome"), US_ASCII);
            for (Reply.Outcome known : Reply.Outcome.values()) {
                if (known.name().equals(outcome)) {
                    return new Reply(known, bytes("payload"));
                }
            }
            throw new MalformedMessage(message + ": no outcome [" + printable(outcome) + "]");
        }

        <T> T nested(String field, Decoder<T> decoder) {
            byte[] bytes = bytes(field);
            try {
                return decoder.decode(bytes);
            } catch (MalformedMessage e) {
                throw new MalformedMessage(message + ": its " + field + ": " + e.getMessage(), e);
            }
        }

        void end() {
            if (next != frames.size()) {
                throw new MalformedMessage(message + ": " + (frames.size() - next) + " frames too many");
            }
        }
    }
}
