package dev.proctest.engine.process;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.child.ChildMain;
import dev.proctest.engine.children.IgnoresSigterm;
import dev.proctest.engine.children.NeverReady;
import dev.proctest.engine.launch.ClassPath;
import dev.proctest.wire.ChildPlan;
import dev.proctest.wire.Environment;
import dev.proctest.wire.Message;
import dev.proctest.wire.MessageCodec;
import dev.proctest.wire.Sockets;
import dev.proctest.wire.TimePlan;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZFrame;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

/** A child JVM ends by itself when the test JVM is gone: when its hub falls silent, or its parent exits. */
class LifelineTests {

    private final ZContext context = new ZContext();
    private Process child;

    @AfterEach
    void cleanUp() {
        if (child != null) {
            child.destroyForcibly();
        }
        context.close();
    }

    @Test
    void childEndsWhenItsHubFallsSilentForLongerThanThePlanAllows() throws Exception {
        ZMQ.Socket hub = Sockets.configure(context.createSocket(SocketType.ROUTER));
        int port = hub.bindToRandomPort("tcp://127.0.0.1");
        child = childMain("tcp://127.0.0.1:" + port).start();

        sendPlan(hub, Duration.ofSeconds(1), NeverReady.class); // and never a ping after it

        assertThat(child.waitFor(20, TimeUnit.SECONDS)).as("the child ended").isTrue();
        assertThat(child.exitValue()).isEqualTo(3);
        assertThat(new String(child.getErrorStream().readAllBytes(), UTF_8))
                .contains("proctest: ending this child: the test JVM has not been heard from for");
    }

    @Test
    void childEndsWhenItsParentIsGone() throws Exception {
        Path errors = Path.of("target", "lifeline-orphan.err");
        long parent = orphan(NeverReady.class, false, errors);
        assertThat(Files.readString(errors)).contains("proctest: ending this child: its parent process " + parent + " is gone");
    }

    @Test
    void childWhoseShutdownHookNeverEndsIsHaltedWhenItsParentIsGone() throws Exception {
        Path errors = Path.of("target", "lifeline-stubborn-orphan.err");
        orphan(IgnoresSigterm.class, true, errors); // where no reaper kills it: a system without process groups, or a reaper killed too
        assertThat(Files.readString(errors)).contains("proctest: halting this child: its shutdown hooks have not finished within");
    }

    /**
     * Starts a child running {@code main} from a shell that names itself as the parent to watch,
     * lets the shell exit once the child runs (once it said it is ready, if {@code ready}), and
     * returns the shell's pid once the orphaned child has ended, which it must within 20 s.
     */
    private long orphan(Class<?> main, boolean ready, Path errors) throws Exception {
        ZMQ.Socket hub = Sockets.configure(context.createSocket(SocketType.ROUTER));
        int port = hub.bindToRandomPort("tcp://127.0.0.1");
        // The shell starts the child JVM in the background, naming itself as the parent to watch, and
        // exits when the test writes a line to it: after the child got its plan and runs its main.
        String javaCommand = String.join(" ", childMain("tcp://127.0.0.1:" + port).command().stream()
                .map(argument -> "'" + argument + "'").toList());
        Process parent = childMain("tcp://127.0.0.1:" + port).command("sh", "-c", Environment.PARENT_PID + "=$$ " + javaCommand + " >/dev/null 2>" + errors
                + " & echo $!; read ignored").start();
        long childPid;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(), UTF_8))) {
            childPid = Long.parseLong(out.readLine().strip());
            ProcessHandle running = ProcessHandle.of(childPid).orElseThrow();
            sendPlan(hub, Duration.ofMinutes(10), main);
            if (ready) {
                awaitReady(hub);
            }

            parent.getOutputStream().close(); // the shell reads the end of its input and exits
            assertThat(parent.waitFor(20, TimeUnit.SECONDS)).isTrue();

            try {
                assertThat(running.onExit().completeOnTimeout(null, 20, TimeUnit.SECONDS).get()).as("the orphaned child ended").isNotNull();
            } finally {
                running.destroyForcibly();
            }
        }
        return parent.pid();
    }

    @Test
    void runtimeStartedByHandSaysWhatItNeeds() throws Exception {
        child = new ProcessBuilder(java(), "-cp", classPath(), ChildMain.class.getName()).start();

        assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isEqualTo(2);
        assertThat(new String(child.getErrorStream().readAllBytes(), UTF_8)).contains("proctest: dev.proctest.child.ChildMain runs "
                + "inside a child process that proctest starts; it was started without the environment proctest gives it");
    }

    /** Waits for the child's READY, as long as it takes it to start, 20 s at most. */
    private static void awaitReady(ZMQ.Socket hub) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            ZMsg received = ZMsg.recvMsg(hub); // the hub's receive timeout bounds each look
            if (received != null) {
                received.pop(); // the child's identity
                if (MessageCodec.fromZMsg(received) instanceof Message.Ready) {
                    return;
                }
            }
        }
        throw new AssertionError("the child never said it was ready");
    }

    /** Answers the child's HELLO with a plan that runs {@code main}. */
    private static void sendPlan(ZMQ.Socket hub, Duration heartbeatTimeout, Class<?> main) {
        hub.setReceiveTimeOut(20_000);
        ZMsg hello = ZMsg.recvMsg(hub);
        assertThat(hello).as("the child's hello").isNotNull();
        ZFrame identity = hello.pop();
        MessageCodec.toZMsg(identity.getData(), new Message.Plan(new ChildPlan("lifeline", main.getName(), List.of(), Map.of(),
                heartbeatTimeout, List.of(), TimePlan.REAL))).send(hub);
    }

    private static ProcessBuilder childMain(String hub) {
        ProcessBuilder builder = new ProcessBuilder(java(), "-cp", classPath(), ChildMain.class.getName());
        builder.environment().putAll(Map.of(Environment.HUB, hub, Environment.TOKEN, "token", Environment.CHILD_ID, "child-1"));
        return builder;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String classPath() {
        return String.join(File.pathSeparator, ClassPath.of(LifelineTests.class.getClassLoader()));
    }
}
