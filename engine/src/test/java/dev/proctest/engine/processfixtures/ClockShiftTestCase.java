package dev.proctest.engine.processfixtures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.ChildProcess;
import dev.proctest.JavaChild;
import dev.proctest.LogRecord;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.RecordedCall;
import dev.proctest.engine.children.ChildClocks;
import dev.proctest.engine.children.Registry;
import dev.proctest.engine.children.Relay;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;
import java.util.stream.LongStream;

/**
 * A child whose spec asks for a shiftable clock sees its wall clock jump when the test shifts it,
 * while its {@code nanoTime} goes on; its records, calls and the test's view of its clock follow.
 * The lambdas run inside the child, where this class is on child time.
 */
public class ClockShiftTestCase {

    private static final Instant NEW_YEAR = Instant.parse("2030-01-01T00:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);
    /**
     * How far the test's view of a child's clock may be off the child's own at real speed: the two
     * JVMs read the machine's clock at different moments (see docs/time.md), and a busy machine
     * lets a moment pass between two reads.
     */
    private static final Duration ROOM = Duration.ofSeconds(1);

    /**
     * Reads, in the child, every wall clock of this class (on child time), the real clock (of a
     * class left out of the time packages) and {@code nanoTime}: each wall clock's offset from real
     * time in milliseconds, then {@code nanoTime}.
     */
    private static long[] offsetsAndNanoTime(ChildProcess child) {
        long[] readings = child.run(() -> new long[] {System.currentTimeMillis(), Instant.now().toEpochMilli(), new Date().getTime(),
                Clock.systemUTC().millis(), Clock.systemDefaultZone().instant().toEpochMilli(),
                ZonedDateTime.now().toInstant().toEpochMilli(), OffsetDateTime.now().toInstant().toEpochMilli(),
                ChildClocks.currentTimeMillis(), System.nanoTime()});
        long real = readings[readings.length - 2];
        return LongStream.concat(LongStream.of(readings).limit(readings.length - 2).map(wall -> wall - real),
                LongStream.of(readings[readings.length - 1])).toArray();
    }

    private static void assertOffsets(long[] offsetsAndNanoTime, Duration expected) {
        for (int i = 0; i < offsetsAndNanoTime.length - 1; i++) {
            assertThat(offsetsAndNanoTime[i]).as("wall clock %d's offset from real time, in ms", i)
                    .isBetween(expected.toMillis() - ROOM.toMillis(), expected.toMillis() + ROOM.toMillis());
        }
    }

    private static long nanoTime(long[] offsetsAndNanoTime) {
        return offsetsAndNanoTime[offsetsAndNanoTime.length - 1];
    }

    @ProcessTest
    void everyWallClockJumpsForwardAndBackWhileNanoTimeGoesOn(Processes processes) {
        ChildProcess child = processes.spawn(JavaChild.main(Registry.class).clockOffset(Duration.ofMinutes(-30))
                .timePackages("dev.proctest.engine.processfixtures").readyWhen(Ready.whenSignalled()));
        long[] atStart = offsetsAndNanoTime(child);
        assertOffsets(atStart, Duration.ofMinutes(-30));

        child.shiftClock(DAY);
        long[] forward = offsetsAndNanoTime(child);
        assertOffsets(forward, DAY.minusMinutes(30));

        long realBefore = System.nanoTime();
        child.shiftClock(DAY.multipliedBy(-2));
        long[] back = offsetsAndNanoTime(child);
        long realTaken = System.nanoTime() - realBefore;
        assertOffsets(back, DAY.negated().minusMinutes(30));
        assertThat(nanoTime(back) - nanoTime(forward)).as("nanoTime across the shift back: on, by no more than real time")
                .isPositive().isLessThanOrEqualTo(realTaken + TimeUnit.MILLISECONDS.toNanos(ROOM.toMillis()));
        assertThat(nanoTime(forward)).isGreaterThan(nanoTime(atStart));
    }

    @ProcessTest
    void recordsCallsAndTheTestsViewOfTheClockCarryTheShiftedTime(Processes processes) throws IOException {
        ChildProcess child = processes.spawn(JavaChild.main(Registry.class).clockOffset(Duration.ZERO).spy(Relay.class)
                .readyWhen(Ready.whenSignalled()));
        assertThat(Duration.between(Instant.now(), child.clock().instant()).abs()).isLessThan(ROOM);
        Duration decade = DAY.multipliedBy(3650);

        child.shiftClock(decade);
        assertThat(Duration.between(Instant.now().plus(decade), child.clock().instant()).abs()).as("the test's view").isLessThan(ROOM);
        Instant before = child.clock().instant();
        child.run(() -> {
            System.out.println("a decade on");
            Logger.getLogger("heating").info("logged a decade on");
            new Relay("boiler").switchOn();
            return null;
        });
        Instant after = child.clock().instant();
        LogRecord printed = child.logs().await("a decade on");
        LogRecord logged = child.logs().await("logged a decade on");
        RecordedCall switched = child.calls().await(Relay.class, "switchOn");
        for (Instant time : new Instant[] {printed.time(), logged.time(), switched.time()}) {
            assertThat(time).isBetween(before.minus(ROOM), after.plus(ROOM));
        }

        child.shiftClock(decade.multipliedBy(-2));
        Instant back = child.clock().instant();
        assertThat(Duration.between(Instant.now().minus(decade), back).abs()).as("the test's view, shifted back").isLessThan(ROOM);
        child.run(() -> {
            System.out.println("a decade ago");
            new Relay("boiler").switchOff();
            return null;
        });
        assertThat(child.logs().await("a decade ago").time()).isBetween(back.minus(ROOM), child.clock().instant().plus(ROOM));
        assertThat(child.calls().await(Relay.class, "switchOff").time()).isBetween(back.minus(ROOM), child.clock().instant().plus(ROOM));
        assertThat(Files.readString(child.logFile())).contains("wall clock shifted forward by 315360000 s",
                "wall clock shifted back by 630720000 s");
    }

    @ProcessTest
    void aShiftedClockRunsOnAtTheTimeFactor(Processes processes) {
        ChildProcess child = processes.spawn(JavaChild.main(Registry.class).timeFactor(1000).startTime(NEW_YEAR)
                .clockOffset(Duration.ofHours(1)).readyWhen(Ready.whenSignalled()));
        Instant started = child.clock().instant();
        assertThat(started).as("the start time moved by the offset").isBetween(NEW_YEAR.plusSeconds(3600), NEW_YEAR.plusSeconds(4200));

        child.shiftClock(Duration.ofHours(-3));
        Instant before = child.clock().instant();
        long[] inChild = child.run(() -> {
            long nanos = System.nanoTime();
            long from = Instant.now().toEpochMilli();
            Thread.sleep(Duration.ofHours(1).toMillis()); // the sleep under test: an hour of child time at its factor
            return new long[] {from, Instant.now().toEpochMilli(), System.nanoTime() - nanos};
        });
        Instant after = child.clock().instant();

        assertThat(before).as("two hours before the start, ten minutes of child time later at most")
                .isBetween(started.minusSeconds(3 * 3600), started.minusSeconds(3 * 3600 - 600));
        Duration tolerance = Duration.ofSeconds(5); // a few ms of real time at 1000, as in TimeTestCase
        assertThat(Instant.ofEpochMilli(inChild[0])).isBetween(before.minus(tolerance), after);
        assertThat(Instant.ofEpochMilli(inChild[1])).isBetween(Instant.ofEpochMilli(inChild[0]).plusSeconds(3600), after.plus(tolerance));
        assertThat(inChild[2]).as("nanoTime of the sleep").isGreaterThanOrEqualTo(Duration.ofHours(1).toNanos());
    }

    @ProcessTest
    void deadlinesGivenAsWallTimesCountFromTheShiftedClock(Processes processes) {
        ChildProcess child = processes.spawn(JavaChild.main(Registry.class).clockOffset(Duration.ZERO).readyWhen(Ready.whenSignalled()));
        long inChildNanos = TimeUnit.MILLISECONDS.toNanos(199); // 200 ms from a millisecond already under way

        child.shiftClock(DAY); // on the real clock each deadline would be a day away
        long[] forward = child.run(() -> {
            long parkStart = System.nanoTime();
            LockSupport.parkUntil(System.currentTimeMillis() + 200);
            long parked = System.nanoTime() - parkStart;
            return new long[] {parked, awaitUntil200msOnTheClock()};
        }, Duration.ofSeconds(30));
        assertThat(forward[0]).as("parkUntil, a day shifted forward").isLessThan(TimeUnit.SECONDS.toNanos(10));
        assertThat(forward[1]).as("awaitUntil, a day shifted forward").isBetween(inChildNanos, TimeUnit.SECONDS.toNanos(10));

        child.shiftClock(DAY.multipliedBy(-2)); // on the real clock each deadline would have passed a day ago
        long awaited = child.run(ClockShiftTestCase::awaitUntil200msOnTheClock, Duration.ofSeconds(30));
        assertThat(awaited).as("awaitUntil, a day shifted back").isBetween(inChildNanos, TimeUnit.SECONDS.toNanos(10));
    }

    /** Waits on a condition until 200 ms on from now on the wall clock; returns how long it waited, by {@code nanoTime}. */
    private static long awaitUntil200msOnTheClock() throws InterruptedException {
        ReentrantLock lock = new ReentrantLock();
        Condition never = lock.newCondition();
        long start = System.nanoTime();
        lock.lock();
        try {
            assertThat(never.awaitUntil(new Date(System.currentTimeMillis() + 200))).as("nobody signals").isFalse();
        } finally {
            lock.unlock();
        }
        return System.nanoTime() - start;
    }

    @ProcessTest
    void aShiftMadeAsTheChildStartsHoldsFromItsStart(Processes processes) {
        ChildProcess child = processes.start(JavaChild.main(Registry.class).startTime(NEW_YEAR).clockOffset(DAY)
                .readyWhen(Ready.whenSignalled()));
        child.shiftClock(DAY); // before or after its main starts, as it happens
        child.awaitReady();

        Instant inChild = child.run(Instant::now);
        Instant viewed = child.clock().instant();
        assertThat(inChild).isBetween(NEW_YEAR.plus(DAY.multipliedBy(2)), NEW_YEAR.plus(DAY.multipliedBy(2)).plusSeconds(60));
        assertThat(Duration.between(inChild, viewed).abs()).as("the test's view").isLessThan(ROOM);
    }

    @ProcessTest
    void aRestartedChildStartsAgainAtItsSpecsOffset(Processes processes) {
        ChildProcess first = processes.spawn(JavaChild.main(Registry.class).clockOffset(Duration.ofHours(-5))
                .readyWhen(Ready.whenSignalled()));
        first.shiftClock(Duration.ofHours(10));
        assertThat(Duration.between(Instant.now().plusSeconds(5 * 3600), first.run(Instant::now)).abs()).isLessThan(ROOM);

        ChildProcess second = first.restart();
        Instant inChild = second.run(Instant::now);
        assertThat(Duration.between(Instant.now().minusSeconds(5 * 3600), inChild).abs()).isLessThan(ROOM);
        assertThat(Duration.between(inChild, second.clock().instant()).abs()).as("the test's view").isLessThan(ROOM);
    }
}
