package dev.proctest.engine.processfixtures;

import dev.proctest.ChildProcess;
import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.engine.children.StopRecorder;
import java.nio.file.Path;

/** Children that write down when they are stopped. */
public class StopOrderTestCase {

    /** The file the children write to; set by the test that runs this fixture. */
    public static volatile Path record;

    /** Whether the test restarts its first child after starting the others; set by the test that runs this fixture. */
    public static volatile boolean restartFirst;

    @ProcessTest
    void startsThreeChildren(Processes processes) {
        ChildProcess first = null;
        for (String name : new String[] {"first", "second", "third"}) {
            ChildProcess child = processes.spawn(JavaChild.main(StopRecorder.class).name(name).args(record.toString(), name)
                    .readyWhen(Ready.whenSignalled()));
            first = first == null ? child : first;
        }
        if (restartFirst) {
            first.kill(); // its shutdown hook does not run: the record says only how the scope stopped it
            first.restart();
        }
    }
}
