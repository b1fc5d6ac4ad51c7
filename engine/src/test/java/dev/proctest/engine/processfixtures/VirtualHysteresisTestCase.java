package dev.proctest.engine.processfixtures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.ChildProcess;
import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.engine.children.Registry;
import dev.proctest.engine.process.TimeBenchmarkTestCase;
import java.time.Duration;

/**
 * A control loop that reads a sensor every second and switches once the reading has held for 10 s,
 * on a virtual clock while another child keeps a core busy: each switch comes exactly when the
 * 1 s period says, however loaded the machine, where a time factor stretches every sleep by the
 * real time between them.
 */
public class VirtualHysteresisTestCase {

    private static final int EPISODES = 20;

    @ProcessTest
    void aTenSecondHysteresisSwitchesExactlyOnTheControlPeriodOnALoadedMachine(Processes processes) {
        ChildProcess busy = processes.spawn(JavaChild.main(Registry.class).name("busy").readyWhen(Ready.whenSignalled()));
        ChildProcess controller = processes.spawn(JavaChild.main(Registry.class).name("controller").virtualTime()
                .readyWhen(Ready.whenSignalled()));
        busy.run(() -> {
            Thread spinner = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.onSpinWait(); // keeps a core busy until the child stops
                }
            });
            spinner.setDaemon(true);
            spinner.start();
            return null;
        });

        long[] overshoots = controller.run(() -> TimeBenchmarkTestCase.overshoots(EPISODES), Duration.ofMinutes(2));

        for (int episode = 0; episode < EPISODES; episode++) {
            long coldMillis = 2_500 + 137L * episode % 1_000;
            long firstColdReading = (coldMillis + 999) / 1_000 * 1_000; // the loop reads at whole seconds
            assertThat(overshoots[episode]).as("episode %d: switch after the cold, beyond 10 s", episode).isEqualTo(
                    Duration.ofMillis(firstColdReading - coldMillis).toNanos());
        }
    }
}
