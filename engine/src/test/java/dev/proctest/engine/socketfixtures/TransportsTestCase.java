package dev.proctest.engine.socketfixtures;

import static dev.proctest.Transport.IPC;
import static dev.proctest.Transport.TCP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.Endpoint;
import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.ProcessTestInfo;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.TestSocket;
import dev.proctest.Transport;
import dev.proctest.Transports;
import dev.proctest.engine.children.PongServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.zeromq.SocketType;

/** Tests repeated per transport, and one that is not; records the IPC directories it saw. */
@Tag("transports")
public class TransportsTestCase {

    /** The private directories of the IPC endpoints, for the engine's tests to check that they are gone. */
    public static final List<Path> IPC_DIRECTORIES = new CopyOnWriteArrayList<>();

    @ProcessTest
    @Transports({TCP, IPC})
    void eachRepetitionHasEndpointsOfItsTransport(Processes processes, ProcessTestInfo info) throws Exception {
        Transport transport = info.displayName().equals("[ipc]") ? IPC : TCP;
        Endpoint endpoint = processes.endpoint("pong");
        assertThat(endpoint.transport()).isEqualTo(transport);
        assertThat(processes.endpoint("pong")).isEqualTo(endpoint);
        assertThat(processes.endpoint("other")).isNotEqualTo(endpoint);
        if (transport == IPC) {
            Path path = Path.of(endpoint.address().substring("ipc://".length()));
            assertThat(path.getFileName().toString()).startsWith("pong"); // "pong-<n>" when the port of "pong" is taken
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path.getParent()))).isEqualTo("rwx------");
            IPC_DIRECTORIES.add(path.getParent());
        } else {
            assertThat(endpoint.address()).isEqualTo("tcp://127.0.0.1:" + endpoint.port());
        }
        processes.spawn(JavaChild.main(PongServer.class).args(endpoint.address()).readyWhen(Ready.listening(endpoint)));
        TestSocket req = processes.socket(SocketType.REQ).connect(endpoint);
        req.send("ping");
        assertThat(req.receive()).isEqualTo("pong");
    }

    @ProcessTest
    @Transports({IPC, IPC})
    void transportListedTwiceRunsOnce(Processes processes) {
        assertThat(processes.endpoint("x").transport()).isEqualTo(IPC);
    }

    @ProcessTest
    @Transports({})
    void noTransportListedRunsOnceOverTcp(Processes processes) {
        assertThat(processes.endpoint("x").transport()).isEqualTo(TCP);
    }

    @ProcessTest
    void notRepeated(Processes processes) {
        assertThat(processes.endpoint("x").transport()).isEqualTo(TCP);
    }
}
