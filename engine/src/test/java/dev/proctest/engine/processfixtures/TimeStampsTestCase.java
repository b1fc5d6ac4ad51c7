package dev.proctest.engine.processfixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proctest.ChildProcess;
import dev.proctest.ChildProcessException;
import dev.proctest.JavaChild;
import dev.proctest.LogRecord;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.RecordedCall;
import dev.proctest.engine.children.ChildClocks;
import dev.proctest.engine.children.Registry;
import dev.proctest.engine.children.Relay;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/** A child's time starts where the spec says; its logs and calls carry it; classes left out keep real time. */
public class TimeStampsTestCase {

    private static final Instant NEW_YEAR = Instant.parse("2030-01-01T00:00:00Z");

    @ProcessTest
    void logsAndCallsCarryTheChildsTimeFromItsStartTime(Processes processes) {
        ChildProcess child = processes.spawn(JavaChild.main(Registry.class).timeFactor(1000).startTime(NEW_YEAR).spy(Relay.class)
                .readyWhen(Ready.whenSignalled()));
        Instant before = child.clock().instant();
        child.run(() -> {
            Thread.sleep(Duration.ofHours(1).toMillis());
            System.out.println("an hour later");
            Logger.getLogger("heating").info("logged through java.util.logging");
            new Relay("boiler").switchOn();
            return null;
        });
        Instant after = child.clock().instant();

        assertThat(before).isBetween(NEW_YEAR, NEW_YEAR.plusSeconds(600)); // ten minutes of child time: 0.6 s of real time
        LogRecord printed = child.logs().await("an hour later");
        LogRecord logged = child.logs().await("logged through java.util.logging");
        RecordedCall switched = child.calls().await(Relay.class, "switchOn");
        for (Instant time : new Instant[] {printed.time(), logged.time(), switched.time()}) {
            assertThat(time).isBetween(before.plus(Duration.ofHours(1)), after.plusMillis(5_000)); // see TimeTestCase's tolerance
        }
        assertThat(Duration.between(before, after)).as("the test's view of the child's clock").isGreaterThanOrEqualTo(Duration.ofHours(1));
    }

    @ProcessTest
    void classesOutsideTheTimePackagesKeepRealTime(Processes processes) {
        ChildProcess child = processes.spawn(JavaChild.main(Registry.class).timeFactor(1000).startTime(NEW_YEAR)
                .timePackages("dev.proctest.engine.children").readyWhen(Ready.whenSignalled()));
        long realBefore = System.currentTimeMillis();
        long[] readings = child.run(() -> new long[] {ChildClocks.currentTimeMillis(), System.currentTimeMillis()});

        assertThat(Instant.ofEpochMilli(readings[0])).as("a class in the package").isAfterOrEqualTo(NEW_YEAR);
        assertThat(readings[1]).as("this class, outside it").isBetween(realBefore, System.currentTimeMillis());
    }

    @ProcessTest
    void packagesThatHoldNoClassFailTheSpawn(Processes processes) {
        assertThatThrownBy(() -> processes.spawn(JavaChild.main(Registry.class).timeFactor(10).timePackages("dev.proctest.engine.childern")))
                .isInstanceOf(ChildProcessException.class)
                .hasMessage("Cannot start child 'Registry': no class on its class path is in package dev.proctest.engine.childern or its"
                        + " subpackages, so timePackages(\"dev.proctest.engine.childern\") would put nothing on child time");
        assertThatThrownBy(() -> processes.spawn(JavaChild.main(Registry.class).name("real").timePackages("dev.proctest.engine.children")))
                .isInstanceOf(ChildProcessException.class)
                .hasMessage("Cannot start child 'real': timePackages[dev.proctest.engine.children] changes nothing without timeFactor,"
                        + " startTime or clockOffset");
    }

    @ProcessTest
    void aChildOnRealTimeHasTheSystemClock(Processes processes) {
        ChildProcess child = processes.spawn(JavaChild.main(Registry.class).readyWhen(Ready.whenSignalled()));
        long before = System.currentTimeMillis();
        long inChild = child.run(System::currentTimeMillis);
        assertThat(inChild).isBetween(before, child.clock().millis());
    }
}
