package dev.proctest.child.logging;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.Level;
import dev.proctest.wire.RecordCodec;
import dev.proctest.wire.SocketLoop;
import dev.proctest.wire.WireRecord;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

/** The sink sends records in batches on the channel's thread, ahead of what follows them, and stops when closed. */
class RecordSinkTests {

    private static final byte[] MARKER = "marker".getBytes(UTF_8);

    private ZContext context;
    private ZMQ.Socket receiver;
    private SocketLoop loop;
    private RecordSink sink;
    private final RecordCodec decoder = new RecordCodec();

    @BeforeEach
    void connect() {
        context = new ZContext(1);
        receiver = context.createSocket(SocketType.PAIR);
        receiver.bind("inproc://sink");
        receiver.setReceiveTimeOut(5_000);
        ZMQ.Socket sender = context.createSocket(SocketType.PAIR);
        sender.connect("inproc://sink");
        loop = new SocketLoop(context, sender, "sink-test", message -> { }, () -> { }, Duration.ofMillis(50)).start();
        sink = new RecordSink(loop, batch -> loop.send(message(batch)));
    }

    @AfterEach
    void close() {
        loop.close();
        context.close();
    }

    @Test
    void aMessageSentAfterFlushingFollowsTheRecordsLoggedBeforeIt() {
        for (int round = 0; round < 200; round++) {
            line("record " + round);
            sink.flushNow();
            loop.send(message(MARKER));

            List<WireRecord> batch = decoder.decode(next());
            assertThat(batch).as("round %d: the batch before the marker", round).extracting(WireRecord::message)
                    .containsExactly("record " + round);
            assertThat(next()).as("round %d", round).isEqualTo(MARKER);
        }
    }

    @Test
    void eventsKeepTheirLevelLoggerThreadAndEcho() {
        sink.event(WireRecord.LEVEL_ERROR, "orders", "worker-1", "failed", new IllegalStateException("boom"),
                List.of(new WireRecord.Echo(true, 0, "ERROR failed")), 42);
        sink.flushNow();

        WireRecord event = decoder.decode(next()).get(0);
        assertThat(event.level()).isEqualTo(WireRecord.LEVEL_ERROR);
        assertThat(event.logger()).isEqualTo("orders");
        assertThat(event.thread()).isEqualTo("worker-1");
        assertThat(event.throwableType()).isEqualTo("java.lang.IllegalStateException");
        assertThat(event.stackTrace()).startsWith("java.lang.IllegalStateException: boom");
        assertThat(event.echoes()).containsExactly(new WireRecord.Echo(true, 0, "ERROR failed"));
    }

    @Test
    void aClosedSinkDropsWhatIsLoggedAfter() {
        line("kept");
        sink.close();
        line("dropped");

        sink.flushNow();
        assertThat(decoder.decode(next())).extracting(WireRecord::message).containsExactly("kept");
    }

    @Test
    void theWireLevelsAreTheOrdinalsOfLevel() {
        assertThat(Level.values()[WireRecord.LEVEL_TRACE]).isEqualTo(Level.TRACE);
        assertThat(Level.values()[WireRecord.LEVEL_DEBUG]).isEqualTo(Level.DEBUG);
        assertThat(Level.values()[WireRecord.LEVEL_INFO]).isEqualTo(Level.INFO);
        assertThat(Level.values()[WireRecord.LEVEL_WARN]).isEqualTo(Level.WARN);
        assertThat(Level.values()[WireRecord.LEVEL_ERROR]).isEqualTo(Level.ERROR);
        assertThat(Level.values()).hasSize(5);
    }

    private long lines;

    private void line(String text) {
        byte[] bytes = text.getBytes(UTF_8);
        sink.line(false, lines++, bytes, 0, bytes.length);
    }

    private byte[] next() {
        byte[] frame = receiver.recv();
        assertThat(frame).as("a message within 5 s").isNotNull();
        return frame;
    }

    private static ZMsg message(byte[] frame) {
        ZMsg message = new ZMsg();
        message.add(frame);
        return message;
    }
}
