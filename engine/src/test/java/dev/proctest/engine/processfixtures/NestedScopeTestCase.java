package dev.proctest.engine.processfixtures;

import dev.proctest.ChildProcess;
import dev.proctest.JavaChild;
import dev.proctest.Logs;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.engine.children.Server;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/**
 * A child of the class serves its nested class's tests too; the nested class's own child ends
 * with the nested class, before the enclosing class does.
 */
public class NestedScopeTestCase {

    public static final List<String> OBSERVED = new CopyOnWriteArrayList<>();
    public static final List<Long> PIDS = new CopyOnWriteArrayList<>();
    private static ChildProcess outer;
    private static ChildProcess inner;

    @BeforeAll
    static void startOuter(Processes processes) {
        outer = processes.spawn(JavaChild.main(Server.class).args("outer").name("outer").readyWhen(Ready.whenSignalled()));
        PIDS.add(outer.pid());
    }

    @AfterAll
    static void bothEnded() {
        OBSERVED.add("outer @AfterAll: outer alive " + outer.isAlive() + ", inner alive " + inner.isAlive());
    }

    @Nested
    public class Inner {

        @BeforeAll
        static void startInner(Processes processes) {
            inner = processes.spawn(JavaChild.main(Server.class).args("inner").name("inner").readyWhen(Ready.whenSignalled()));
            PIDS.add(inner.pid());
        }

        @ProcessTest
        void seesBothChildren(Logs logs, Processes processes) {
            ChildProcess own = processes.spawn(JavaChild.main(Server.class).args("own").name("own").readyWhen(Ready.whenSignalled()));
            PIDS.add(own.pid());
            logs.from("outer").await("serving outer");
            logs.from("inner").await("serving inner");
            logs.from("own").await("serving own");
            OBSERVED.add("nested test: outer alive " + outer.isAlive() + ", inner alive " + inner.isAlive());
        }
    }
}
