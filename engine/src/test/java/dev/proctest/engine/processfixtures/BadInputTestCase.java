package dev.proctest.engine.processfixtures;

import dev.proctest.ChildProcess;
import dev.proctest.CommandChild;
import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.Stop;
import dev.proctest.engine.children.ExitsEarly;
import dev.proctest.engine.children.ForksGrandchild;
import dev.proctest.engine.children.IgnoresSigterm;
import dev.proctest.engine.children.NeverReady;
import dev.proctest.engine.children.NoMain;
import dev.proctest.engine.children.Server;
import dev.proctest.engine.children.ThrowsAtStartup;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** Every way a child can go wrong; each test fails, and only it. */
public class BadInputTestCase {

    public static final List<Long> GRANDCHILDREN = new CopyOnWriteArrayList<>();

    @ProcessTest
    void mainClassNotFound(Processes processes) {
        processes.spawn(JavaChild.main("dev.proctest.engine.children.Missing"));
    }

    @ProcessTest
    void noMainMethod(Processes processes) {
        processes.spawn(JavaChild.main(NoMain.class));
    }

    @ProcessTest
    void mainThrowsAtStartup(Processes processes) {
        processes.spawn(JavaChild.main(ThrowsAtStartup.class).readyWhen(Ready.whenSignalled()));
    }

    @ProcessTest
    void exitsBeforeReady(Processes processes) {
        processes.spawn(JavaChild.main(ExitsEarly.class).readyWhen(Ready.whenLogged("listening")));
    }

    @ProcessTest
    void neverReady(Processes processes) {
        processes.spawn(JavaChild.main(NeverReady.class).readyWhen(Ready.whenLogged("listening").within(Duration.ofSeconds(3))));
    }

    @ProcessTest
    void ignoresSigterm(Processes processes) {
        processes.spawn(JavaChild.main(IgnoresSigterm.class).readyWhen(Ready.whenSignalled())
                .stopWith(Stop.gracefully().within(Duration.ofMillis(500))));
    }

    @ProcessTest
    void forksGrandchildAndExits(Processes processes) throws Exception {
        ChildProcess child = processes.spawn(JavaChild.main(ForksGrandchild.class).readyWhen(Ready.whenLogged("leaving")));
        GRANDCHILDREN.add(child.published("grandchild", Long.class));
        // Wait for the exit behind proctest's back: awaitExit would tell proctest the exit is expected.
        ProcessHandle.of(child.pid()).ifPresent(process -> process.onExit().orTimeout(10, TimeUnit.SECONDS).join());
    }

    @ProcessTest
    void runOutlivesItsTimeout(Processes processes) {
        processes.run(JavaChild.main(NeverReady.class), Duration.ofSeconds(3));
    }

    @ProcessTest
    void commandNotFound(Processes processes) {
        processes.spawn(CommandChild.of("proctest-no-such-program", "--serve"));
    }

    @ProcessTest
    void invalidJvmOption(Processes processes) {
        processes.spawn(JavaChild.main(Server.class).jvmArgs("-XX:+NoSuchOption").readyWhen(Ready.whenSignalled()));
    }
}
