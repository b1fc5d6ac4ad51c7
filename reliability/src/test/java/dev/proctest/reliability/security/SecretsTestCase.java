package dev.proctest.reliability.security;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.ChildProcess;
import dev.proctest.Endpoint;
import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.Transport;
import dev.proctest.Transports;
import dev.proctest.wire.Environment;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Process tests whose artifacts {@link SecurityTests} searches for the run's token: one that
 * passes while an impostor tries the hub, one that fails so that its report is written, and one
 * per private transport. What the tests see of the machine (the children's environment and
 * command line, the socket table) they leave here.
 */
class SecretsTestCase {

    static final Map<String, String> SEEN = new ConcurrentHashMap<>();

    @ProcessTest
    void aChildWorksWhileAnImpostorGetsNothing(Processes processes) throws IOException {
        ChildProcess child = processes.spawn(JavaChild.main(Talker.class).name("talker").readyWhen(Ready.whenSignalled()));
        Map<String, String> environment = environment(child.pid());
        String hub = environment.get(Environment.HUB);
        SEEN.put("token", environment.get(Environment.TOKEN));
        SEEN.put("hub", hub);
        SEEN.put("command line", new String(Files.readAllBytes(Path.of("/proc", child.pid() + "", "cmdline")), UTF_8));
        SEEN.put("listeners", String.join(",", SocketTable.listeners(URI.create(hub).getPort())));
        SEEN.put("impostor", Impostor.tryHub(hub, "impostor-1"));
        SEEN.put("impostor under the child's id", Impostor.tryHub(hub, environment.get(Environment.CHILD_ID)));
        child.logs().await("talked on stdout");
        assertThat(child.run(() -> "still served")).isEqualTo("still served");
    }

    @ProcessTest
    void aFailingTestHasItsReportWritten(Processes processes) throws IOException {
        ChildProcess child = processes.spawn(JavaChild.main(Talker.class).name("failing").readyWhen(Ready.whenSignalled()));
        child.logs().await("talked on stdout");
        SEEN.put("token of the failing test", environment(child.pid()).get(Environment.TOKEN));
        throw new AssertionError("fails on purpose, so that its report and the child's log tail are written");
    }

    @ProcessTest
    @Transports({Transport.IPC, Transport.UNIX})
    void privateEndpointsLiveInADirectoryOfTheOwnersOnly(Processes processes) throws IOException {
        Endpoint endpoint = processes.endpoint("private");
        SEEN.put("directory of " + endpoint.transport(), PosixFilePermissions.toString(Files.getPosixFilePermissions(endpoint.path().getParent())));
    }

    /** Reads a child's environment from {@code /proc}, as any process of its user can. */
    private static Map<String, String> environment(long pid) throws IOException {
        Map<String, String> environment = new HashMap<>();
        for (String entry : new String(Files.readAllBytes(Path.of("/proc", pid + "", "environ")), UTF_8).split("\0")) {
            int equals = entry.indexOf('=');
            if (equals > 0) {
                environment.put(entry.substring(0, equals), entry.substring(equals + 1));
            }
        }
        return environment;
    }
}
