package dev.proctest.engine.processfixtures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.ChildProcess;
import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.engine.children.Server;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** A child started in @BeforeAll serves every test of the class; each test's own child ends with it. */
public class ScopeTestCase {

    public static final List<Long> PIDS = new CopyOnWriteArrayList<>();
    public static final List<String> OBSERVED = new CopyOnWriteArrayList<>();
    private static final List<Long> TEST_CHILDREN = new CopyOnWriteArrayList<>();
    private static ChildProcess shared;

    private ChildProcess own;

    @BeforeAll
    static void startShared(Processes processes) {
        shared = processes.spawn(JavaChild.main(Server.class).name("shared").readyWhen(Ready.whenSignalled()));
        PIDS.add(shared.pid());
    }

    @ProcessTest
    void first(Processes processes) {
        runTest(processes);
    }

    @ProcessTest
    void second(Processes processes) {
        runTest(processes);
    }

    @AfterEach
    void ownChildStillRunsInAfterEach() {
        OBSERVED.add("own child alive in @AfterEach: " + own.isAlive());
    }

    @AfterAll
    static void sharedChildStillRunsInAfterAll() {
        OBSERVED.add("shared child alive in @AfterAll: " + shared.isAlive());
    }

    private void runTest(Processes processes) {
        assertThat(shared.isAlive()).isTrue();
        assertThat(TEST_CHILDREN).allSatisfy(pid -> assertThat(ProcessHandle.of(pid)).isEmpty());
        own = processes.spawn(JavaChild.main(Server.class).readyWhen(Ready.whenSignalled()));
        PIDS.add(own.pid());
        TEST_CHILDREN.add(own.pid());
    }
}
