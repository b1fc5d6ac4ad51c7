package dev.proctest.engine.processfixtures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.ChildProcess;
import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.engine.children.ExitsEarly;
import dev.proctest.engine.children.FrameworkLogging;
import java.time.Duration;

/** A test that fails on purpose while one child runs and another has exited. */
public class FailingWithChildrenTestCase {

    @ProcessTest
    void failsWhileItsChildrenAreUp(Processes processes) {
        processes.spawn(JavaChild.main(FrameworkLogging.class).args("jul").name("orders").readyWhen(Ready.whenSignalled()));
        ChildProcess exited = processes.spawn(JavaChild.main(ExitsEarly.class).name("payments").mayExit());
        exited.awaitExit(Duration.ofSeconds(30));

        assertThat("pending").as("the order's state").isEqualTo("shipped");
    }
}
