package dev.proctest.engine.processfixtures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.ChildProcess;
import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.engine.children.BigOutput;
import java.time.Duration;

/** A child that writes 100 MB before it signals readiness. */
public class BigOutputTestCase {

    @ProcessTest
    void writesHundredMegabytes(Processes processes) {
        ChildProcess child = processes.spawn(JavaChild.main(BigOutput.class).name("big").args("100")
                .readyWhen(Ready.whenSignalled().within(Duration.ofSeconds(60))));

        assertThat(child.isAlive()).isTrue();
    }
}
