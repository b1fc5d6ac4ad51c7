package dev.proctest.child.logging;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.wire.WireRecord;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An event's echo holds the lines printed while its appenders ran, even when appenders log or fail. */
class EchoTests {

    private static final java.util.Comparator<WireRecord.Echo> ECHO_TEXT = java.util.Comparator.comparing(WireRecord.Echo::toStderr)
            .thenComparing(WireRecord.Echo::text);

    @AfterEach
    void nothingLeftHeld() {
        assertThat(Echo.holdsLinesBefore(Long.MAX_VALUE, Long.MAX_VALUE)).isFalse();
    }

    @Test
    void linesPrintedBetweenOpenAndCloseAreTheEventsEcho() {
        Object event = new Object();
        assertThat(print("before")).isFalse();

        Echo.open(event);
        long number = printed;
        print("event line");

        assertThat(Echo.take(event)).usingElementComparator(ECHO_TEXT).containsExactly(echo("event line"));
        assertThat(Echo.holdsLinesBefore(number + 1, 0)).as("held until the event is recorded").isTrue();
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

    @Test
    void aSyncWaitsOnlyForLinesNumberedBeforeItsCount() throws InterruptedException {
        Object event = new Object();
        Echo.open(event);
        long first = printed;
        print("held by this thread's event");
        Object elsewhere = new Object();
        long[] later = new long[1];
        CountDownLatch printedElsewhere = new CountDownLatch(1);
        CountDownLatch recorded = new CountDownLatch(1);
        Thread other = new Thread(() -> {
            Echo.open(elsewhere);
            later[0] = printed;
            print("printed later, on another thread");
            printedElsewhere.countDown();
            try {
                recorded.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Echo.take(elsewhere);
            Echo.close(elsewhere);
        });
        other.start();
        printedElsewhere.await();

        assertThat(Echo.holdsLinesBefore(first, 0)).as("lines before the first held one").isFalse();
        assertThat(Echo.holdsLinesBefore(first + 1, 0)).isTrue();
        assertThat(Echo.holdsLinesBefore(0, Long.MAX_VALUE)).as("nothing held on stderr").isFalse();
        Echo.take(event);
        Echo.close(event);
        assertThat(Echo.holdsLinesBefore(later[0], 0)).as("once recorded, only the later line is held, by the other thread").isFalse();
        assertThat(Echo.holdsLinesBefore(later[0] + 1, 0)).isTrue();
        recorded.countDown();
        other.join();
    }

    /** As JUL does: the outer record's lines are taken, then formatting its message logs an event of its own. */
    @Test
    void anEventLoggedAfterTheOuterTakeLeavesTheOuterLinesHeld() {
        Object outer = new Object();
        Object inner = new Object();
        Echo.open(outer);
        long outerLine = printed;
        print("outer");
        assertThat(Echo.take(outer)).usingElementComparator(ECHO_TEXT).containsExactly(echo("outer"));
        Echo.open(inner);
        print("inner");
        assertThat(Echo.take(inner)).usingElementComparator(ECHO_TEXT).containsExactly(echo("inner"));
        Echo.close(inner);

        assertThat(Echo.holdsLinesBefore(outerLine + 1, 0)).as("the outer event is not with the sink yet").isTrue();
        Echo.close(outer);
    }

    @Test
    void anInnerEventRecordedLeavesTheOuterEventsLinesHeld() {
        Object outer = new Object();
        Object inner = new Object();
        Echo.open(outer);
        long outerLine = printed;
        print("outer");
        Echo.open(inner);
        print("inner");
        Echo.take(inner);
        Echo.close(inner);

        assertThat(Echo.holdsLinesBefore(outerLine + 1, 0)).isTrue();
        Echo.take(outer);
        Echo.close(outer);
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
