package dev.proctest.engine.processfixtures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.ChildProcess;
import dev.proctest.JavaChild;
import dev.proctest.LogRecord;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.RecordedCall;
import dev.proctest.engine.children.Covered;
import dev.proctest.engine.children.Relay;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Children on another JDK than the test JVM's: the one the test around this fixture names in
 * {@code proctest.test.otherJdkHome}, whose feature version is {@code proctest.test.otherFeature}.
 */
public class OtherJdkTestCase {

    private static Path otherJava() {
        return Path.of(System.getProperty("proctest.test.otherJdkHome"));
    }

    private static int otherFeature() {
        return Integer.getInteger("proctest.test.otherFeature");
    }

    /** Run with coverage on: {@link Covered#otherJdk} runs in the child only. */
    @ProcessTest
    void aChildOnTheOtherJdkLogsIsMockedRunsOnChildTimeAndIsCovered(Processes processes) {
        ChildProcess child = processes.spawn(JavaChild.main(Covered.class).args("other-jdk").java(otherJava())
                .spy(Relay.class).timeFactor(1000).readyWhen(Ready.whenSignalled()));

        assertThat(child.run(() -> Runtime.version().feature())).as("the child's Java").isEqualTo(otherFeature());
        assertThat(child.logs().await("on Java " + otherFeature()).logger()).isEqualTo("stdout");
        Instant before = child.clock().instant();
        long realBefore = System.nanoTime();
        child.run(() -> {
            Thread.sleep(Duration.ofHours(1).toMillis());
            Logger.getLogger("upgrade").info("an hour later");
            new Relay("boiler").switchOn();
            return null;
        });
        Duration real = Duration.ofNanos(System.nanoTime() - realBefore);

        LogRecord logged = child.logs().await("an hour later");
        assertThat(logged.logger()).as("logged through java.util.logging").isEqualTo("upgrade");
        RecordedCall switched = child.calls().await(Relay.class, "switchOn");
        assertThat(switched.time()).as("the call's time, on child time").isAfterOrEqualTo(before.plus(Duration.ofHours(1)));
        assertThat(real).as("an hour of child time at 1000 times real speed").isLessThan(Duration.ofSeconds(60));
    }

    /** Run with {@code proctest.child.java} set to the other JDK. */
    @ProcessTest
    void theConfiguredJdkRunsEveryChild(Processes processes) {
        ChildProcess child = processes.spawn(JavaChild.main(Covered.class).args("other-jdk").readyWhen(Ready.whenSignalled()));
        assertThat(child.run(() -> Runtime.version().feature())).isEqualTo(otherFeature());
    }

    @ProcessTest
    void childrenOfOneTestRunOnTwoJdks(Processes processes) {
        ChildProcess old = processes.spawn(JavaChild.main(Covered.class).name("node1").args("other-jdk")
                .readyWhen(Ready.whenSignalled()));
        ChildProcess upgraded = processes.spawn(JavaChild.main(Covered.class).name("node2").args("other-jdk").java(otherJava())
                .readyWhen(Ready.whenSignalled()));

        assertThat(old.run(() -> Runtime.version().feature())).as("node1, on the test JVM's Java").isEqualTo(Runtime.version().feature());
        assertThat(upgraded.run(() -> Runtime.version().feature())).as("node2, on the other").isEqualTo(otherFeature());
    }
}
