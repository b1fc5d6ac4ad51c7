package dev.proctest.engine.processfixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proctest.ChildProcess;
import dev.proctest.ChildProcessException;
import dev.proctest.CommandChild;
import dev.proctest.Endpoint;
import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.ProgramResult;
import dev.proctest.Ready;
import dev.proctest.Signal;
import dev.proctest.Stop;
import dev.proctest.engine.children.EnvReporter;
import dev.proctest.engine.children.ExitsEarly;
import dev.proctest.engine.children.Greeter;
import dev.proctest.engine.children.NeverReady;
import dev.proctest.engine.children.PongServer;
import dev.proctest.engine.children.PortListener;
import dev.proctest.engine.children.Server;
import dev.proctest.wire.Sockets;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** What a test does with its children; every test here passes when proctest works. */
public class ChildProcessTestCase {

    @ProcessTest
    void spawnReturnsARunningChildThatIsReady(Processes processes) {
        ChildProcess server = processes.spawn(JavaChild.main(Server.class).readyWhen(Ready.whenSignalled()));

        assertThat(server.name()).isEqualTo("Server");
        assertThat(server.isAlive()).isTrue();
        assertThat(server.exitCode()).isEmpty();
        assertThat(ProcessHandle.of(server.pid())).hasValueSatisfying(process -> assertThat(process.isAlive()).isTrue());
        assertThat(server.published("pid", Long.class)).isEqualTo(server.pid());
    }

    @ProcessTest
    void runReturnsOutputExitCodeAndDuration(Processes processes) {
        ProgramResult result = processes.run(JavaChild.main(Greeter.class).args("ping", "pong"));

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEqualTo("hello ping\nhello pong\n");
        assertThat(result.stderr()).isEqualTo("greeted 2\n");
        assertThat(result.duration()).isPositive();
    }

    @ProcessTest
    void javaChildGetsArgumentsPropertiesEnvironmentAndDirectory(Processes processes) throws Exception {
        Path directory = Files.createTempDirectory("proctest-child-directory").toRealPath();
        ProgramResult result = processes.run(JavaChild.main(EnvReporter.class)
                .args("one", "two words", "quote\"d", "back\\slash")
                .systemProperty("greeting", "hi there")
                .jvmArgs("-Dweird=a b \"c\" \\d")
                .env("PROCTEST_SAMPLE", "from the test")
                .workingDirectory(directory));

        assertThat(result.stdout().lines()).contains(
                "args=one|two words|quote\"d|back\\slash",
                "property=hi there",
                "jvm-property=a b \"c\" \\d",
                "env=from the test",
                "dir=" + directory,
                "token-in-argv=false");
    }

    @ProcessTest
    void readyWhenLoggedWaitsForTheLine(Processes processes) throws Exception {
        Endpoint endpoint = processes.endpoint("listener");
        processes.spawn(JavaChild.main(PortListener.class).args(String.valueOf(endpoint.port()))
                .readyWhen(Ready.whenLogged("^on port ")));

        assertAcceptsConnections(endpoint); // the listener prints its port only after a start-up delay and the bind
    }

    @ProcessTest
    void readyWhenListeningWaitsForTheSocket(Processes processes) throws Exception {
        Endpoint endpoint = processes.endpoint("listener");
        processes.spawn(JavaChild.main(PortListener.class).args(String.valueOf(endpoint.port())).readyWhen(Ready.listening(endpoint)));

        assertAcceptsConnections(endpoint);
    }

    @ProcessTest
    void readyWhenListeningDoesNotDisturbAZeroMqServer(Processes processes) {
        for (int round = 0; round < 10; round++) {
            Endpoint endpoint = processes.endpoint("pong-" + round);
            ChildProcess pong = processes.spawn(JavaChild.main(PongServer.class).args(endpoint.address())
                    .readyWhen(Ready.listening(endpoint)));
            try (ZContext context = new ZContext()) {
                // With proctest's short handshake interval, as test sockets have: JeroMQ 0.6.0 stalls about one
                // fresh connection in 30 for the whole interval, 30 s by default.
                ZMQ.Socket req = Sockets.configure(context.createSocket(SocketType.REQ));
                req.setReceiveTimeOut(5_000);
                req.connect(endpoint.address());
                req.send("ping");
                assertThat(req.recvStr()).as("reply in round %d", round).isEqualTo("pong");
            }
            pong.stop();
        }
    }

    @ProcessTest
    void readyAfterExitWaitsForABatchProgram(Processes processes) {
        ChildProcess greeter = processes.spawn(JavaChild.main(Greeter.class).args("batch").readyWhen(Ready.afterExit()));

        assertThat(greeter.isAlive()).isFalse();
        assertThat(greeter.exitCode()).hasValue(0);
    }

    @ProcessTest
    void stopSendsTheStopSignalAndKillEndsAtOnce(Processes processes) throws IOException {
        ChildProcess graceful = processes.spawn(JavaChild.main(Server.class).name("graceful").readyWhen(Ready.whenSignalled()));
        ChildProcess interrupted = processes.spawn(JavaChild.main(Server.class).name("interrupted")
                .readyWhen(Ready.whenSignalled()).stopWith(Stop.withSignal(Signal.INT)));
        ChildProcess killed = processes.spawn(JavaChild.main(Server.class).name("killed").readyWhen(Ready.whenSignalled()));

        graceful.stop();
        interrupted.stop();
        killed.kill(); // returns once the signal is sent: the exit and the log's last lines follow
        killed.awaitExit(Duration.ofSeconds(5));

        assertThat(graceful.exitCode()).hasValue(128 + 15);
        assertThat(interrupted.exitCode()).hasValue(128 + 2);
        assertThat(killed.exitCode()).hasValue(128 + 9);
        // Each log file ends saying how the child ended, and only what happened.
        assertThat(proctestNotes("graceful")).endsWith("exited with code 143", "stopped with SIGTERM");
        assertThat(proctestNotes("interrupted")).endsWith("exited with code 130", "stopped with SIGINT");
        assertThat(proctestNotes("killed")).endsWith("exited with code 137", "killed with SIGKILL");
    }

    /** The lines proctest wrote about the child into its log file. */
    private static List<String> proctestNotes(String child) throws IOException {
        Path log = Path.of("target/proctest", ChildProcessTestCase.class.getName(), "stopSendsTheStopSignalAndKillEndsAtOnce", child + ".log");
        String marker = " " + child + " INFO proctest ";
        return Files.readAllLines(log).stream().filter(line -> line.contains(marker))
                .map(line -> line.substring(line.indexOf(marker) + marker.length())).toList();
    }

    @ProcessTest
    void awaitedExitIsExpectedAndALateOneFailsTheWait(Processes processes) {
        ChildProcess exits = processes.spawn(JavaChild.main(ExitsEarly.class));
        assertThat(exits.awaitExit(Duration.ofSeconds(10))).isEqualTo(3);

        ChildProcess runs = processes.spawn(JavaChild.main(NeverReady.class));
        assertThatThrownBy(() -> runs.awaitExit(Duration.ofMillis(200)))
                .isInstanceOf(ChildProcessException.class)
                .hasMessageStartingWith("Child 'NeverReady' (pid " + runs.pid() + ", running) did not exit within 200 ms.")
                .hasMessageContaining("NeverReady INFO stdout [main] warming up");
    }

    @ProcessTest
    void mayExitLetsAChildEndOnItsOwn(Processes processes) {
        ChildProcess exits = processes.spawn(JavaChild.main(ExitsEarly.class).mayExit());
        assertThat(exits.pid()).isPositive();
    }

    @ProcessTest
    void publishedValueMustHaveTheAskedType(Processes processes) {
        ChildProcess server = processes.spawn(JavaChild.main(Server.class).readyWhen(Ready.whenSignalled()));

        assertThatThrownBy(() -> server.published("pid", String.class))
                .isInstanceOf(ChildProcessException.class)
                .hasMessage("Child 'Server' published [pid] as a java.lang.Long (" + server.pid() + "), not a java.lang.String");
    }

    @ProcessTest
    void theSameNameGivesTheSameEndpointAndChildNamesStayUnique(Processes processes) {
        assertThat(processes.endpoint("a")).isEqualTo(processes.endpoint("a")).isNotEqualTo(processes.endpoint("b"));
        assertThat(processes.endpoint("a").address()).startsWith("tcp://127.0.0.1:");

        ChildProcess first = processes.spawn(JavaChild.main(Server.class).readyWhen(Ready.whenSignalled()));
        ChildProcess second = processes.spawn(JavaChild.main(Server.class).readyWhen(Ready.whenSignalled()));
        assertThat(first.name()).isEqualTo("Server");
        assertThat(second.name()).isEqualTo("Server-2");
    }

    @ProcessTest
    void commandChildRunsAnyProgram(Processes processes) {
        ProgramResult result = processes.run(CommandChild.of("sh", "-c", "echo out; echo err >&2; exit 4"));

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.stdout()).isEqualTo("out\n");
        assertThat(result.stderr()).isEqualTo("err\n");
    }

    @ProcessTest
    void childOutputIsKeptInItsLogFile(Processes processes) throws Exception {
        processes.run(JavaChild.main(Greeter.class).name("greeter").args("log"));

        Path log = Path.of("target/proctest", ChildProcessTestCase.class.getName(), "childOutputIsKeptInItsLogFile", "greeter.log");
        assertThat(Files.readAllLines(log)).anyMatch(line -> line.endsWith(" greeter INFO stdout [main] hello log"))
                .anyMatch(line -> line.endsWith(" greeter WARN stderr [main] greeted 1"));
        assertThat(log.resolveSibling("greeter.args")).exists();
    }

    private static void assertAcceptsConnections(Endpoint endpoint) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), 1_000);
            assertThat(socket.isConnected()).isTrue();
        }
    }
}
