package dev.proctest.engine.processfixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proctest.ChildProcess;
import dev.proctest.Constants;
import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.engine.children.NeverWaits;
import dev.proctest.engine.children.Registry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code child.advanceClock(...)} steps a virtual clock from the test. Run with a grace of an hour
 * ({@code proctest.time.virtual.grace}): each child but the stepped one has a thread blocked in
 * {@code accept()}, so its clock does not move by itself while the test runs, and only the test's
 * advances move it. Each lambda runs inside the child.
 */
public class VirtualTimeAdvanceTestCase {

    private static final long MILLI = 1_000_000L;
    private static final long SECOND = 1_000 * MILLI;

    /** In the child: what each looping thread read at each of its wake-ups, nanoseconds from its start. */
    static final List<List<Long>> WAKES = new CopyOnWriteArrayList<>();

    private static ChildProcess held(Processes processes) {
        ChildProcess child = processes.spawn(JavaChild.main(Registry.class).virtualTime().readyWhen(Ready.whenSignalled()));
        child.run(() -> {
            ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(() -> {
                try {
                    server.accept();
                } catch (IOException e) {
                    // ends with the child
                }
            }, "acceptor");
            acceptor.setDaemon(true);
            acceptor.start();
            return null;
        });
        return child;
    }

    /** Starts a thread per period in the child that sleeps it in a loop and notes each wake-up. */
    private static void loops(ChildProcess child, long... periodsMillis) {
        child.run(() -> {
            for (long period : periodsMillis) {
                List<Long> wakes = new CopyOnWriteArrayList<>();
                WAKES.add(wakes);
                Thread loop = new Thread(() -> {
                    long start = System.nanoTime();
                    try {
                        while (true) {
                            Thread.sleep(period);
                            wakes.add(System.nanoTime() - start);
                        }
                    } catch (InterruptedException e) {
                        // ends the loop
                    }
                }, "loop-" + period);
                loop.setDaemon(true);
                loop.start();
            }
            return null;
        });
    }

    @ProcessTest
    void aLoopThatSleepsOneSecondAdvancedByFiveHasRunFiveTimesEachAtItsOwnDeadline(Processes processes) {
        ChildProcess child = held(processes);
        loops(child, 1000);
        Instant before = child.clock().instant();

        child.advanceClock(Duration.ofSeconds(5));
        assertThat(child.run(() -> new ArrayList<>(WAKES.get(0)))).containsExactly(SECOND, 2 * SECOND, 3 * SECOND, 4 * SECOND,
                5 * SECOND);
        assertThat(Duration.between(before, child.clock().instant())).isEqualTo(Duration.ofSeconds(5));

        child.advanceClock(Duration.ofMillis(2500));
        child.advanceClock(Duration.ofMillis(500)); // ends exactly on a deadline: that waiter wakes too
        assertThat(child.run(() -> new ArrayList<>(WAKES.get(0)))).containsExactly(SECOND, 2 * SECOND, 3 * SECOND, 4 * SECOND,
                5 * SECOND, 6 * SECOND, 7 * SECOND, 8 * SECOND);
        assertThat(Duration.between(before, child.clock().instant())).isEqualTo(Duration.ofSeconds(8));
    }

    @ProcessTest
    void aClockWithNoDeadlinePendingMovesByExactlyTheAdvance(Processes processes) {
        ChildProcess child = held(processes);
        Instant before = child.clock().instant();

        child.advanceClock(Duration.ofMinutes(90));
        child.advanceClock(Duration.ofNanos(1));

        assertThat(Duration.between(before, child.clock().instant())).isEqualTo(Duration.ofMinutes(90).plusNanos(1));
    }

    @ProcessTest
    void manyLoopsOfDifferentPeriodsEachRunOncePerPeriodInDeadlineOrderWhileTheTestAdvancesFromSeveralThreads(
            Processes processes) throws Exception {
        ChildProcess child = held(processes);
        long[] periods = {70, 100, 130, 250, 333, 500, 1000, 1700};
        loops(child, periods);
        Instant before = child.clock().instant();

        ExecutorService testThreads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> advances = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                advances.add(testThreads.submit(() -> child.advanceClock(Duration.ofMillis(2500))));
            }
            for (Future<?> advance : advances) {
                advance.get();
            }
        } finally {
            testThreads.shutdown();
        }

        assertThat(Duration.between(before, child.clock().instant())).isEqualTo(Duration.ofSeconds(10));
        List<List<Long>> wakes = child.run(() -> WAKES.stream().map(each -> (List<Long>) new ArrayList<>(each)).toList());
        for (int i = 0; i < periods.length; i++) {
            List<Long> expected = new ArrayList<>();
            for (long at = periods[i]; at <= 10_000; at += periods[i]) {
                expected.add(at * MILLI);
            }
            assertThat(wakes.get(i)).as("the wake-ups of the loop of %d ms", periods[i]).isEqualTo(expected);
        }
    }

    @ProcessTest
    void aSteppedClockMovesOnlyWhenTheTestAdvancesIt(Processes processes) {
        ChildProcess child = processes.spawn(JavaChild.main(Registry.class).name("stepped").virtualTime()
                .systemProperty(Constants.TIME_VIRTUAL_STEPPED, "true").readyWhen(Ready.whenSignalled()));
        loops(child, 1000);
        Instant before = child.clock().instant();

        assertThatThrownBy(() -> child.logs().within(Duration.ofMillis(300)).await("never logged"))
                .hasMessageContaining("Child 'stepped': Its virtual clock reads 0.000 s")
                .hasMessageContaining("it is stepped by the test (proctest.time.virtual.stepped), and only child.advanceClock moves it");
        assertThat(child.run(() -> new ArrayList<>(WAKES.get(0)))).as("its loop, after 300 ms of real time").isEmpty();
        child.advanceClock(Duration.ofSeconds(3));

        assertThat(child.run(() -> new ArrayList<>(WAKES.get(0)))).containsExactly(SECOND, 2 * SECOND, 3 * SECOND);
        assertThat(Duration.between(before, child.clock().instant())).isEqualTo(Duration.ofSeconds(3));
    }

    @ProcessTest
    void badInputIsRefusedSayingWhy(Processes processes) {
        ChildProcess child = held(processes);
        ChildProcess real = processes.spawn(JavaChild.main(Registry.class).name("real").readyWhen(Ready.whenSignalled()));
        ChildProcess ended = processes.spawn(JavaChild.main(NeverWaits.class).virtualTime().name("ended").readyWhen(Ready.afterExit()));

        assertThatThrownBy(() -> child.advanceClock(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be positive, was PT0S");
        assertThatThrownBy(() -> child.advanceClock(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be positive, was PT-1S");
        assertThatThrownBy(() -> child.advanceClock(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> real.advanceClock(Duration.ofSeconds(1))).isInstanceOf(IllegalStateException.class)
                .hasMessage("Cannot advance the clock of child 'real': its clock is not virtual; give its JavaChild .virtualTime() to"
                        + " step its time from the test");
        assertThatThrownBy(() -> ended.advanceClock(Duration.ofSeconds(1))).isInstanceOf(IllegalStateException.class)
                .hasMessage("Cannot advance the clock of child 'ended': it has exited with code 0");
    }
}
