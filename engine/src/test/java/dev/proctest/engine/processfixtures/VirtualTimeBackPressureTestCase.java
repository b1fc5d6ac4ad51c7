package dev.proctest.engine.processfixtures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.ChildProcess;
import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.engine.children.Registry;
import dev.proctest.engine.children.Sleeper;
import java.time.Duration;

/**
 * A thread that reports faster than the channel carries waits for room, in real time: on a virtual
 * clock that wait must hold the clock, or a thread sleeping beside it would see its deadline
 * arrive while the other one merely waits for proctest's channel.
 */
public class VirtualTimeBackPressureTestCase {

    @ProcessTest
    void aThreadThatWaitsForTheChannelToTakeItsLinesHoldsTheClock(Processes processes) {
        ChildProcess child = processes.spawn(JavaChild.main(Registry.class).virtualTime().readyWhen(Ready.whenSignalled()));

        long[] moved = child.run(() -> {
            Sleeper.sleepBeside(Duration.ofHours(1));
            String line = "x".repeat(500);
            long before = System.nanoTime();
            for (int i = 0; i < 40_000; i++) { // 20 MB: far more than the channel takes without making the writer wait
                System.out.println(line);
            }
            return new long[] {System.nanoTime() - before};
        }, Duration.ofMinutes(2));

        assertThat(moved[0]).as("child nanoseconds that passed while a thread printed and waited for the channel").isZero();
    }
}
