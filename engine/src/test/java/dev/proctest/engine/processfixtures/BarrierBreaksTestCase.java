package dev.proctest.engine.processfixtures;

import dev.proctest.ChildProcess;
import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.engine.children.Coordinated;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;

/** Barriers that break: a party dies while the test waits; the test fails while a child waits. Run by CoordinationTests. */
public class BarrierBreaksTestCase {

    /** What the waiting child said when the barrier broke, and how long the test waited. */
    public static final List<String> SEEN = new CopyOnWriteArrayList<>();

    private ChildProcess waiting;

    private static JavaChild coordinated(String name, String... args) {
        return JavaChild.main(Coordinated.class).name(name).args(args).readyWhen(Ready.whenSignalled());
    }

    @ProcessTest
    void aPartyDies(Processes processes) {
        waiting = processes.spawn(coordinated("a", "arrive", "go"));
        ChildProcess dying = processes.spawn(coordinated("b", "exit-after", "500").mayExit());
        waiting.logs().await("arriving at go");
        long start = System.nanoTime();
        try {
            processes.barrier("go", waiting, dying);
        } finally {
            SEEN.add("waited " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        }
    }

    @ProcessTest
    void theTestFails(Processes processes) {
        waiting = processes.spawn(coordinated("a", "arrive", "go"));
        waiting.logs().await("arriving at go");
        throw new AssertionError("the system said no");
    }

    @AfterEach
    void whatTheWaitingChildSaw() {
        SEEN.add(waiting.logs().await("broken: .*").message());
    }
}
