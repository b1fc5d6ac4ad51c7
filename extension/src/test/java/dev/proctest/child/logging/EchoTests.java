package dev.proctest.child.logging;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.wire.WireRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An event's echo holds the lines printed while its appenders ran, even when appenders log or fail. */
class EchoTests {

    private static final java.util.Comparator<WireRecord.Echo> ECHO_TEXT = java.util.Comparator.comparing(WireRecord.Echo::toStderr)
            .thenComparing(WireRecord.Echo::text);

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

        assertThat(Echo.take(event)).usingElementComparator(ECHO_TEXT).containsExactly(echo("event line"));
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
        assertThat(Echo.take(inner)).usingElementComparator(ECHO_TEXT).containsExactly(echo("inner"));
        Echo.close(inner);
        print("outer 2");

        assertThat(Echo.take(outer)).usingElementComparator(ECHO_TEXT).containsExactly(echo("outer 1"), echo("outer 2"));
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

        assertThat(Echo.take(outer)).usingElementComparator(ECHO_TEXT).containsExactly(echo("printed before the appender threw"),
                echo("printed after"));
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

    /** An echo line as the tests expect it: its text, stdout, and whatever number it got. */
    private static WireRecord.Echo echo(String text) {
        return new WireRecord.Echo(false, -1, text);
    }

    /** The number the tee gives each line it writes: lines of these tests are numbered in the order printed. */
    private static long printed;

    private static boolean print(String line) {
        byte[] bytes = line.getBytes(UTF_8);
        return Echo.add(false, printed++, bytes, bytes.length);
    }
}
