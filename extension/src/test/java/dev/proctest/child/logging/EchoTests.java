package dev.proctest.child.logging;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.wire.WireRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An event's echo holds the lines printed while its appenders ran, even when appenders log or fail. */
class EchoTests {

    @AfterEach
    void nothingLeftOpen() {
        assertThat(Echo.anyOpen()).isFalse();
    }

    @Test
    void linesPrintedBetweenOpenAndCloseAreTheEventsEcho() {
        Object event = new Object();
        assertThat(print("before")).isFalse();

        Echo.open(event);
        assertThat(Echo.anyOpen()).isTrue();
        print("event line");

        assertThat(Echo.take(event)).containsExactly(new WireRecord.Echo(false, "event line"));
        assertThat(Echo.anyOpen()).as("open until the event is recorded").isTrue();
        Echo.close(event);
        assertThat(print("after")).isFalse();
    }

    @Test
    void anEventLoggedByAnAppenderHasItsOwnEchoAndLeavesTheOuterOneWhole() {
        Object outer = new Object();
        Object inner = new Object();

        Echo.open(outer);
        print("outer 1");
        Echo.open(inner);
        print("inner");
        assertThat(Echo.take(inner)).containsExactly(new WireRecord.Echo(false, "inner"));
        Echo.close(inner);
        print("outer 2");

        assertThat(Echo.take(outer)).containsExactly(new WireRecord.Echo(false, "outer 1"), new WireRecord.Echo(false, "outer 2"));
        Echo.close(outer);
    }

    @Test
    void anEchoNeverClosedBecauseAnAppenderThrewIsClosedWithTheEventAroundIt() {
        Object outer = new Object();
        Object failed = new Object();

        Echo.open(outer);
        Echo.open(failed);
        print("printed before the appender threw");
        print("printed after");

        assertThat(Echo.take(outer)).containsExactly(new WireRecord.Echo(false, "printed before the appender threw"),
                new WireRecord.Echo(false, "printed after"));
        Echo.close(outer);
    }

    @Test
    void anEventWithNoOpenEchoHasNoLines() {
        Object event = new Object();
        assertThat(Echo.take(event)).isEmpty();
        Echo.close(event);
    }

    @Test
    void echoesBelongToTheirThread() throws InterruptedException {
        Object event = new Object();
        Echo.open(event);
        boolean[] addedElsewhere = new boolean[1];
        Thread other = new Thread(() -> addedElsewhere[0] = print("other thread"));
        other.start();
        other.join();

        assertThat(addedElsewhere[0]).isFalse();
        assertThat(Echo.take(event)).isEmpty();
        Echo.close(event);
    }

    private static boolean print(String line) {
        byte[] bytes = line.getBytes(UTF_8);
        return Echo.add(false, bytes, bytes.length);
    }
}
