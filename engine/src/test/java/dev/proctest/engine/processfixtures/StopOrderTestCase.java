package dev.proctest.engine.processfixtures;

import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.engine.children.StopRecorder;
import java.nio.file.Path;

/** Three children that write down when they are stopped. */
public class StopOrderTestCase {

    /** The file the children write to; set by the test that runs this fixture. */
    public static volatile Path record;

    @ProcessTest
    void startsThreeChildren(Processes processes) {
        for (String name : new String[] {"first", "second", "third"}) {
            processes.spawn(JavaChild.main(StopRecorder.class).name(name).args(record.toString(), name)
                    .readyWhen(Ready.whenSignalled()));
        }
    }
}
