package dev.proctest.engine.processfixtures;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proctest.ChildProcess;
import dev.proctest.CommandChild;
import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.engine.children.Registry;
import java.time.Duration;

/** {@code shiftClock} refuses, where it is called, what it cannot do. */
public class ClockShiftBadInputTestCase {

    @ProcessTest
    void aCommandChildHasNoClockToShift(Processes processes) {
        ChildProcess sleeper = processes.spawn(CommandChild.of("sleep", "30"));
        assertThatThrownBy(() -> sleeper.shiftClock(Duration.ofHours(1))).isInstanceOf(IllegalStateException.class)
                .hasMessage("Cannot shift the clock of child 'sleep': it is not a Java child (CommandChild[sleep: sleep 30]); proctest"
                        + " shifts clocks only in the code of a JavaChild, which it rewrites");
    }

    @ProcessTest
    void aJavaChildMustAskForAShiftableClock(Processes processes) {
        ChildProcess plain = processes.spawn(JavaChild.main(Registry.class).readyWhen(Ready.whenSignalled()));
        ChildProcess fast = processes.spawn(JavaChild.main(Registry.class).name("fast").timeFactor(10).readyWhen(Ready.whenSignalled()));
        for (ChildProcess child : new ChildProcess[] {plain, fast}) {
            assertThatThrownBy(() -> child.shiftClock(Duration.ofHours(1))).isInstanceOf(IllegalStateException.class)
                    .hasMessage("Cannot shift the clock of child '" + child.name() + "': its spec did not ask for a shiftable clock, so its"
                            + " classes read the real one; add .clockOffset(Duration.ZERO) to its JavaChild");
        }
    }

    @ProcessTest
    void aShiftMustBeGivenAndFitTheClock(Processes processes) {
        ChildProcess child = processes.spawn(JavaChild.main(Registry.class).clockOffset(Duration.ZERO).readyWhen(Ready.whenSignalled()));
        assertThatThrownBy(() -> child.shiftClock(null)).isInstanceOf(NullPointerException.class).hasMessage("shift");
        assertThatThrownBy(() -> child.shiftClock(Duration.ofDays(365L * 300))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot shift the clock of child 'Registry': shifted by PT2628000H it would leave about 292 years of 1970");
    }

    @ProcessTest
    void aChildThatHasExitedCannotShiftItsClock(Processes processes) {
        ChildProcess child = processes.spawn(JavaChild.main(Registry.class).clockOffset(Duration.ZERO).readyWhen(Ready.whenSignalled()));
        child.stop();
        assertThatThrownBy(() -> child.shiftClock(Duration.ofHours(1))).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Cannot shift the clock of child 'Registry': it has exited with code ");
    }

    @ProcessTest
    void aPausedChildCannotShiftItsClock(Processes processes) {
        ChildProcess child = processes.spawn(JavaChild.main(Registry.class).clockOffset(Duration.ZERO).readyWhen(Ready.whenSignalled()));
        child.pause();
        assertThatThrownBy(() -> child.shiftClock(Duration.ofHours(1))).isInstanceOf(IllegalStateException.class)
                .hasMessage("Cannot shift the clock of child 'Registry': it is paused; resume() it first");
        child.resume();
        child.shiftClock(Duration.ofHours(1));
    }
}
