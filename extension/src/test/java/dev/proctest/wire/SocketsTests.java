package dev.proctest.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.zeromq.ZContext;
import zmq.ZError;

/** What a ZeroMQ I/O thread's failure prints: nothing for the known race of a closing context, proctest's line otherwise. */
class SocketsTests {

    private final AtomicBoolean closing = new AtomicBoolean();

    @Test
    void aClosedChannelMetWhileClosingPrintsNothing() {
        closing.set(true);
        assertThat(printedFor(new ZError.IOException(new ClosedChannelException()))).isEmpty();
    }

    @Test
    void aClosedChannelBeforeClosingIsReported() {
        assertThat(printedFor(new ZError.IOException(new ClosedChannelException())))
                .startsWith("proctest: the channel: ZeroMQ's thread iothread-2 failed: ");
    }

    @Test
    void anyOtherFailureIsReportedEvenWhileClosing() {
        closing.set(true);
        assertThat(printedFor(new IllegalStateException("broken"))).contains("failed: java.lang.IllegalStateException: broken");
    }

    private String printedFor(Throwable failure) {
        PrintStream stderr = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (ZContext context = Sockets.reportFailures(new ZContext(1), "the channel", closing::get)) {
            System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
            context.getUncaughtExceptionHandler().uncaughtException(new Thread("iothread-2"), failure);
        } finally {
            System.setErr(stderr);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }
}
