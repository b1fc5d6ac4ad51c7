package dev.proctest.engine.processfixtures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.ChildProcess;
import dev.proctest.JavaChild;
import dev.proctest.LogRecord;
import dev.proctest.Logs;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.engine.children.Server;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/** Two nested classes, each with a child of its own and tests with theirs, beside the enclosing class's child. */
public class ParallelNestedTestCase {

    public static final List<Long> PIDS = new CopyOnWriteArrayList<>();
    private static ChildProcess outer;

    @BeforeAll
    static void startOuter(Processes processes) {
        outer = start(processes, "outer");
    }

    static ChildProcess start(Processes processes, String name) {
        ChildProcess child = processes.spawn(JavaChild.main(Server.class).args(name).name(name).readyWhen(Ready.whenSignalled()));
        PIDS.add(child.pid());
        return child;
    }

    /** Checks that the test sees the enclosing class's child, its class's and its own, and no other. */
    static void seesItsChildrenOnly(Processes processes, Logs logs, ChildProcess classChild, String own) {
        start(processes, own);
        logs.from(own).await("serving " + own);
        logs.from("outer").await("serving outer");
        assertThat(outer.isAlive()).isTrue();
        assertThat(classChild.isAlive()).isTrue();
        assertThat(logs.records()).extracting(LogRecord::child).containsOnly("outer", classChild.name(), own);
    }

    @Nested
    public class Left {

        static ChildProcess left;

        @BeforeAll
        static void startLeft(Processes processes) {
            left = start(processes, "left");
        }

        @ProcessTest
        void one(Processes processes, Logs logs) {
            seesItsChildrenOnly(processes, logs, left, "left-one");
        }

        @ProcessTest
        void two(Processes processes, Logs logs) {
            seesItsChildrenOnly(processes, logs, left, "left-two");
        }
    }

    @Nested
    public class Right {

        static ChildProcess right;

        @BeforeAll
        static void startRight(Processes processes) {
            right = start(processes, "right");
        }

        @ProcessTest
        void one(Processes processes, Logs logs) {
            seesItsChildrenOnly(processes, logs, right, "right-one");
        }

        @ProcessTest
        void two(Processes processes, Logs logs) {
            seesItsChildrenOnly(processes, logs, right, "right-two");
        }
    }
}
