package dev.proctest.wire;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every message of the coordinator channel survives the codec both ends use, under its name on the wire. */
class MessageCodecTests {

    private static final byte[] BYTES = {0, 1, 2, (byte) 0xff, 'x'};

    /** One of every kind of message, with fields that are not trivial. */
    static List<Message> everyKind() {
        ChildPlan plan = new ChildPlan("pong", "com.example.Pong", List.of("5555", "ünïcødé"), Map.of("mode", "test"), Duration.ofSeconds(3),
                List.of(new CallRule("com.example.Relay", CallRule.Mode.MOCK, Map.of("state", BYTES), Set.of("read"), true)),
                new TimePlan(1000, 5, List.of("com.example")));
        return List.of(
                new Message.Hello("0123abcd", 4242, Protocol.VERSION, "1.2.3"),
                new Message.Plan(plan),
                new Message.Refused("no child with id [child-9] is expected"),
                new Message.Started(new TimeOrigin(10, 20, 1000, "Europe/Paris")),
                new Message.Ready(),
                new Message.Publish("port ✓", BYTES),
                new Message.Ping(),
                new Message.Logs(BYTES),
                new Message.Sync(Long.MAX_VALUE),
                new Message.Synced(7),
                new Message.Called(BYTES),
                new Message.Ask(-3, BYTES),
                new Message.Answer(3, new Reply(Reply.Outcome.THROWN, BYTES)),
                new Message.Run(11, BYTES),
                new Message.Returned(11, Reply.failed("returned java.lang.Thread, which does not serialize")),
                new Message.Arrive(12, "all connected ✓", -1),
                new Message.Put("events", BYTES),
                new Message.Take(13, "events", 2_500),
                new Message.Granted(13, new Reply(Reply.Outcome.VALUE, BYTES)),
                new Message.Dump(),
                new Message.Dumped(),
                new Message.End(),
                new Message.Ended());
    }

    @Test
    void everyMessageComesBackAsItWasSent() {
        for (Message message : everyKind()) {
            List<byte[]> frames = MessageCodec.encode(message);
            Message decoded = MessageCodec.decode(frames);

            assertThat(decoded).as(message.name()).isInstanceOf(message.getClass());
            assertThat(MessageCodec.encode(decoded)).as("%s re-encoded", message.name()).zipSatisfy(frames,
                    (again, first) -> assertThat(again).isEqualTo(first));
            assertThat(new String(frames.get(0), UTF_8)).isEqualTo(message.name());
        }
        assertThat(everyKind()).extracting(Message::name).doesNotHaveDuplicates().hasSize(Message.class.getPermittedSubclasses().length);
    }

    @Test
    void fieldsKeepTheirValues() {
        Message.Hello hello = (Message.Hello) MessageCodec.decode(MessageCodec.encode(new Message.Hello("t", 99, 2, "0.1.0-SNAPSHOT")));
        assertThat(hello).isEqualTo(new Message.Hello("t", 99, 2, "0.1.0-SNAPSHOT"));
        Message.Answer answer = (Message.Answer) MessageCodec.decode(MessageCodec.encode(new Message.Answer(5, Reply.value("forty-two"))));
        assertThat(answer.number()).isEqualTo(5);
        assertThat(answer.reply().outcome()).isEqualTo(Reply.Outcome.VALUE);
        assertThat(MessageCodec.decode(MessageCodec.encode(new Message.Sync(-1)))).isEqualTo(new Message.Sync(-1));
        Message.Started started = (Message.Started) MessageCodec.decode(MessageCodec.encode(new Message.Started(TimeOrigin.real())));
        assertThat(started.origin()).isEqualTo(TimeOrigin.real());
    }

    @Test
    void whatDoesNotDecodeSaysWhatIsWrong() {
        assertThatThrownBy(() -> MessageCodec.decode(List.of())).isInstanceOf(MalformedMessage.class).hasMessage("An empty message");
        assertThatThrownBy(() -> MessageCodec.decode(frames("NOPE"))).hasMessage("An unknown message [NOPE]");
        assertThatThrownBy(() -> MessageCodec.decode(frames("SYNC"))).hasMessage("SYNC: no frame for its number");
        assertThatThrownBy(() -> MessageCodec.decode(frames("SYNC", "7"))).hasMessage("SYNC: its number has 1 bytes, not 8");
        assertThatThrownBy(() -> MessageCodec.decode(frames("READY", "extra"))).hasMessage("READY: 1 frames too many");
        assertThatThrownBy(() -> MessageCodec.decode(List.of("ANSWER".getBytes(UTF_8), new byte[8], "MAYBE".getBytes(UTF_8), BYTES)))
                .hasMessage("ANSWER: no outcome [MAYBE]");
        assertThatThrownBy(() -> MessageCodec.decode(List.of("PLAN".getBytes(UTF_8), new byte[] {0x7f, 0, 0, 0})))
                .hasMessageStartingWith("PLAN: its plan: Malformed plan: 2130706432 bytes asked for, 0 left");
    }

    @Test
    void everyDecoderTurnsGarbageIntoAClearErrorNeverAnotherFailure() {
        Fuzz fuzz = new Fuzz(20260);
        List<List<byte[]>> valid = everyKind().stream().map(MessageCodec::encode).toList();
        Map<String, Integer> outcomes = new java.util.TreeMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (int i = 0; i < 100_000; i++) {
            List<byte[]> frames = fuzz.frames(valid.get(i % valid.size()));
            String outcome = outcomeOf(() -> MessageCodec.decode(frames));
            byte[] payload = frames.size() > 1 ? frames.get(1) : frames.get(0);
            outcome += " " + outcomeOf(() -> ChildPlan.decode(payload)) + " " + outcomeOf(() -> TimeOrigin.decode(payload))
                    + " " + outcomeOf(() -> new RecordCodec().decode(payload)) + " " + outcomeOf(() -> CallCodec.decodeBatch(payload))
                    + " " + outcomeOf(() -> CallCodec.decode(payload));
            for (String part : outcome.split(" ")) {
                outcomes.merge(part, 1, Integer::sum);
            }
            assertThat(System.nanoTime()).as("100,000 messages decode within a minute: none hangs").isLessThan(deadline);
        }
        assertThat(outcomes.keySet()).as("what the decoders did with 100,000 mangled messages: %s", outcomes)
                .allMatch(outcome -> outcome.equals("decoded") || outcome.equals("malformed"));
        assertThat(outcomes).containsKey("malformed");
    }

    private static String outcomeOf(Runnable decoding) {
        try {
            decoding.run();
            return "decoded";
        } catch (MalformedMessage e) {
            assertThat(e.getMessage()).isNotBlank();
            return "malformed";
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            return e.getClass().getName();
        }
    }

    private static List<byte[]> frames(String... texts) {
        List<byte[]> frames = new ArrayList<>();
        for (String text : texts) {
            frames.add(text.getBytes(UTF_8));
        }
        return frames;
    }

    /** Mangles valid messages: truncated, cut short, grown, flipped, their lengths made huge or negative, or replaced by noise. */
    private static final class Fuzz {

        private final java.util.Random random;

        Fuzz(long seed) {
            this.random = new java.util.Random(seed);
        }

        List<byte[]> frames(List<byte[]> valid) {
            List<byte[]> frames = new ArrayList<>(valid.stream().map(byte[]::clone).collect(Collectors.toList()));
            switch (random.nextInt(6)) {
                case 0 -> frames.subList(1 + random.nextInt(frames.size()), frames.size()).clear(); // frames missing
                case 1 -> frames.add(noise(random.nextInt(100))); // a frame too many
                default -> {
                    int index = frames.size() == 1 ? 0 : 1 + random.nextInt(frames.size() - 1);
                    frames.set(index, mangle(frames.get(index)));
                }
            }
            return frames;
        }

        private byte[] mangle(byte[] frame) {
            switch (random.nextInt(5)) {
                case 0 -> {
                    return java.util.Arrays.copyOf(frame, frame.length == 0 ? 0 : random.nextInt(frame.length)); // truncated
                }
                case 1 -> {
                    byte[] grown = java.util.Arrays.copyOf(frame, frame.length + 1 + random.nextInt(1 << 12)); // oversized
                    random.nextBytes(grown);
                    System.arraycopy(frame, 0, grown, 0, frame.length);
                    return grown;
                }
                case 2 -> {
                    if (frame.length >= 4) { // a length or count made huge or negative
                        int at = random.nextInt(frame.length - 3);
                        int value = random.nextBoolean() ? Integer.MAX_VALUE - random.nextInt(100) : -random.nextInt(1 << 20);
                        frame[at] = (byte) (value >>> 24);
                        frame[at + 1] = (byte) (value >>> 16);
                        frame[at + 2] = (byte) (value >>> 8);
                        frame[at + 3] = (byte) value;
                    }
                    return frame;
                }
                case 3 -> {
                    for (int flips = 1 + random.nextInt(4); flips > 0 && frame.length > 0; flips--) {
                        frame[random.nextInt(frame.length)] ^= (byte) (1 << random.nextInt(8));
                    }
                    return frame;
                }
                default -> {
                    return noise(random.nextInt(300));
                }
            }
        }

        private byte[] noise(int length) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            return bytes;
        }
    }
}
