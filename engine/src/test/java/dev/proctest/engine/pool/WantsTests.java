package dev.proctest.engine.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.engine.launch.JavaLaunch;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the pool keeps about the launches a run used: no more than it can still use. */
class WantsTests {

    @Test
    void launchesUsedOnceLeaveNothingBehind() {
        Wants wants = new Wants(2);
        for (int i = 0; i < 1_000; i++) {
            wants.used(launch(i), launch -> false);
        }

        assertThat(wants.kept()).as("wants and last uses after 1,000 launches used once").isEqualTo(4);
        assertThat(wants.next()).isEqualTo(launch(998));
        assertThat(wants.next()).isEqualTo(launch(999));
        assertThat(wants.next()).isNull();
    }

    @Test
    void theLastUseOfALaunchThatWaitsIsKept() {
        Wants wants = new Wants(2);
        wants.used(launch(1), launch -> false);
        wants.next(); // a JVM of it is started: it waits now
        for (int i = 2; i < 10; i++) {
            wants.used(launch(i), launch -> launch.equals(launch(1)));
        }

        assertThat(wants.lastUse(launch(1))).as("the waiting launch's last use").isEqualTo(1);
        assertThat(wants.lastUse(launch(2))).as("a launch neither wanted nor waiting").isZero();
        assertThat(wants.lastUse(launch(9))).isGreaterThan(wants.lastUse(launch(1)));
    }

    private static JavaLaunch launch(int number) {
        return new JavaLaunch(Path.of("java"), 17, List.of("classes"), List.of("-Dn=" + number), false, false, Map.of(), Optional.empty());
    }
}
