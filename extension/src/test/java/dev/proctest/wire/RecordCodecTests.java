package dev.proctest.wire;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Records survive their encoding, whatever their text, and names are sent once per channel. */
class RecordCodecTests {

    @Test
    void linesAndEventsComeBackAsTheyWereEncodedAcrossBatches() {
        RecordCodec encoder = new RecordCodec();
        RecordCodec decoder = new RecordCodec();
        BatchWriter batch = new BatchWriter();
        byte[] line = "prefix ünïcødé ✓ line".getBytes(UTF_8);
        encoder.encodeLine(batch, 1, 100, false, "main", 0, line, 7, line.length - 7);
        encoder.encodeEvent(batch, 2, 200, 4, "com.example.Pong", "worker-1", "failed: ✗",
                "java.lang.IllegalStateException", null, "java.lang.IllegalStateException\n\tat X.y(X.java:1)\n",
                List.of(new WireRecord.Echo(true, 4, "12:00 ERROR failed: ✗"), new WireRecord.Echo(false, 1, "")));
        List<WireRecord> first = decoder.decode(batch.take());
        encoder.encodeLine(batch, 3, 300, true, "main", 5, "again".getBytes(UTF_8), 0, 5);
        int secondSize = batch.size();
        List<WireRecord> second = decoder.decode(batch.take());

        assertThat(first).containsExactly(
                new WireRecord(1, 100, WireRecord.Kind.STDOUT, 2, "stdout", "main", "ünïcødé ✓ line", null, null, null, 0, List.of()),
                new WireRecord(2, 200, WireRecord.Kind.EVENT, 4, "com.example.Pong", "worker-1", "failed: ✗",
                        "java.lang.IllegalStateException", null, "java.lang.IllegalStateException\n\tat X.y(X.java:1)\n", -1,
                        List.of(new WireRecord.Echo(true, 4, "12:00 ERROR failed: ✗"), new WireRecord.Echo(false, 1, ""))));
        assertThat(second).containsExactly(
                new WireRecord(3, 300, WireRecord.Kind.STDERR, 3, "stderr", "main", "again", null, null, null, 5, List.of()));
        assertThat(secondSize).as("a known thread name travels as its number").isEqualTo(8 + 8 + 1 + 4 + 8 + 4 + 5);
    }
}
