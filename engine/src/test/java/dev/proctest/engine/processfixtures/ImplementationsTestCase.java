package dev.proctest.engine.processfixtures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.ChildProcess;
import dev.proctest.CommandChild;
import dev.proctest.Implementation;
import dev.proctest.Implementations;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Transport;
import dev.proctest.Transports;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * A suite run against two implementations: each run starts its own class child, named after it,
 * and its tests see that child and their implementation; the second fails to start when asked to.
 */
@Implementations({"first", "second"})
public class ImplementationsTestCase {

    /** What ran, in order: "beforeAll first", "test first", ...; read by the test that runs this fixture. */
    public static final List<String> EVENTS = new CopyOnWriteArrayList<>();

    /** Whether the second implementation's program is missing; set by the test that runs this fixture. */
    public static volatile boolean secondIsMissing;

    private static ChildProcess server;

    @BeforeAll
    static void startTheServer(Processes processes, Implementation implementation) {
        EVENTS.add("beforeAll " + implementation.name());
        String program = implementation.name().equals("second") && secondIsMissing ? "no-such-server-program" : "sleep";
        server = processes.spawn(CommandChild.of(program, "60").name("server-" + implementation.name()));
    }

    @ProcessTest
    void seesItsImplementationsServer(Implementation implementation) {
        EVENTS.add("test " + implementation.name());
        assertThat(server.name()).isEqualTo("server-" + implementation.name());
        assertThat(server.isAlive()).isTrue();
    }

    @ProcessTest
    @Transports({Transport.TCP, Transport.IPC})
    void repeatsOverTransportsWithinEachImplementation(Processes processes, Implementation implementation) {
        EVENTS.add("transports " + implementation.name() + " " + processes.endpoint("x").transport().label());
    }

    @AfterAll
    static void afterAll(Implementation implementation) {
        EVENTS.add("afterAll " + implementation.name());
    }
}
