package dev.proctest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proctest.internal.Api;
import dev.proctest.internal.ReadyCondition;
import dev.proctest.wire.TimePlan;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import zmq.io.net.ipc.IpcAddress;

/** Specs are immutable values that refuse bad input at once, with a message that says what is wrong. */
class ChildSpecTests {

    @Test
    void everyModifierReturnsANewSpecAndLeavesTheOriginalAlone() {
        JavaChild base = JavaChild.main("com.example.Pong");
        JavaChild configured = base.args("5555").jvmArgs("-Xmx64m").systemProperty("mode", "test").env("LANG", "C")
                .name("pong").workingDirectory(Path.of("/tmp")).readyWhen(Ready.whenSignalled()).stopWith(Stop.kill()).mayExit();

        assertThat(Api.java(base).args()).isEmpty();
        assertThat(Api.name(base)).isEqualTo("Pong");
        assertThat(Api.ready(Api.settings(base).ready()).kind()).isEqualTo(ReadyCondition.Kind.ON_START);
        assertThat(Api.exitAllowed(base)).isFalse();
        assertThat(Api.java(configured).args()).containsExactly("5555");
        assertThat(Api.java(configured).jvmArgs()).containsExactly("-Xmx64m");
        assertThat(Api.java(configured).systemProperties()).isEqualTo(Map.of("mode", "test"));
        assertThat(Api.settings(configured).env()).isEqualTo(Map.of("LANG", "C"));
        assertThat(Api.name(configured)).isEqualTo("pong");
        assertThat(Api.settings(configured).directory()).contains(Path.of("/tmp"));
        assertThat(Api.stop(Api.settings(configured).stop()).firstSignal()).contains(Signal.KILL);
        assertThat(Api.exitAllowed(configured)).isTrue();
    }

    @Test
    void argumentsAreReplacedNotAppended() {
        assertThat(Api.java(JavaChild.main("A").args("one").args("two")).args()).containsExactly("two");
    }

    @Test
    void defaultNamesComeFromTheMainClassOrTheProgram() {
        assertThat(JavaChild.main(ChildSpecTests.class).childName()).isEqualTo("ChildSpecTests");
        assertThat(Api.name(JavaChild.main("Outer$Inner"))).isEqualTo("Outer_Inner");
        assertThat(CommandChild.of("/usr/bin/python3", "server.py").childName()).isEqualTo("python3");
        assertThat(CommandChild.of("python3", "-m", "http.server").command()).containsExactly("python3", "-m", "http.server");
    }

    @Test
    void badInputIsRefusedWhereItIsGiven() {
        assertThatThrownBy(() -> JavaChild.main(" ")).hasMessage("The main class name must not be blank");
        assertThatThrownBy(() -> JavaChild.main("A").name("my child")).hasMessageStartingWith("A child name is made of letters");
        assertThatThrownBy(() -> JavaChild.main("A").args("ok", null)).hasMessage("args must not contain null: [ok, null]");
        assertThatThrownBy(() -> CommandChild.of("")).hasMessage("The program to run must be named, was []");
        assertThatThrownBy(() -> CommandChild.of("sh").readyWhen(Ready.whenSignalled()))
                .hasMessageStartingWith("Ready.whenSignalled() needs a JavaChild");
        assertThatThrownBy(() -> Ready.onStart().within(Duration.ZERO)).hasMessage("A readiness timeout must be positive, was PT0S");
        assertThatThrownBy(() -> Stop.gracefully().within(Duration.ofSeconds(-1)))
                .hasMessage("A stop timeout must not be negative, was PT-1S");
        assertThatThrownBy(() -> Endpoint.tcp(0)).hasMessage("A TCP port is between 1 and 65535, was 0");
        assertThatThrownBy(() -> Stop.bySending(Endpoint.tcp(5555), SocketType.SUB, "bye"))
                .hasMessage("A stop message is sent by a REQ, DEALER, PUSH or PAIR socket, not a SUB");
        assertThatThrownBy(() -> Endpoint.ipc(Path.of("a;b"))).hasMessage("An IPC endpoint's path must not be empty or '*', nor contain ';', was [a;b]");
    }

    @Test
    void timeSettingsAreCheckedWhereTheyAreGiven() {
        for (double factor : new double[] {0, -1, Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 1_000_001}) {
            assertThatThrownBy(() -> JavaChild.main("A").timeFactor(factor)).as("factor %s", factor)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("The time factor must be a number above 0 and at most 1,000,000 (1 is real time), not " + factor);
        }
        assertThatThrownBy(() -> JavaChild.main("A").timePackages()).hasMessage("Name at least one package whose classes run on child time");
        assertThatThrownBy(() -> JavaChild.main("A").timePackages("com.acme.")).hasMessage("Not a package name: 'com.acme.'");
        assertThatThrownBy(() -> JavaChild.main("A").timePackages("com.1acme")).hasMessage("Not a package name: 'com.1acme'");
        assertThatThrownBy(() -> JavaChild.main("A").timePackages("java.util"))
                .hasMessage("Cannot put java.util on child time: proctest does not rewrite the JDK's classes");
        assertThatThrownBy(() -> JavaChild.main("A").startTime(Instant.MAX))
                .hasMessage("The start time must be within about 292 years of 1970, not " + Instant.MAX);

        JavaChild child = JavaChild.main("A").timeFactor(0.5).startTime(Instant.EPOCH).timePackages("com.acme", "org.example.io");
        assertThat(Api.java(child).time()).isEqualTo(new TimePlan(0.5, 0, List.of("com.acme", "org.example.io")));
        assertThat(Api.java(JavaChild.main("A")).time().rewrites()).isFalse();
    }

    @Test
    void virtualTimeExcludesATimeFactorWhereverItIsWrittenAndCombinesWithAStartTime() {
        assertThatThrownBy(() -> JavaChild.main("A").timeFactor(1000).virtualTime()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("virtualTime() after timeFactor(1000.0): a child's clock either runs at a factor or is virtual, not both");
        assertThatThrownBy(() -> JavaChild.main("A").virtualTime().timeFactor(0.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timeFactor(0.5) after virtualTime(): a child's clock either runs at a factor or is virtual, not both");

        JavaChild child = JavaChild.main("A").virtualTime().startTime(Instant.EPOCH).virtualTime();
        assertThat(Api.java(child).time()).isEqualTo(new TimePlan(TimePlan.VIRTUAL, 0, List.of()));
        assertThat(Api.java(child).time().virtual()).isTrue();
        assertThat(Api.java(JavaChild.main("A").virtualTime()).time().rewrites()).as("virtual from the real time of main").isTrue();
        assertThat(Api.java(JavaChild.main("A").timeFactor(2)).time().virtual()).isFalse();
    }

    @Test
    void aClockOffsetIsCheckedWhereItIsGivenAndCombinesWithTheOtherTimeSettings() {
        assertThatThrownBy(() -> JavaChild.main("A").clockOffset(null)).isInstanceOf(NullPointerException.class).hasMessage("offset");
        assertThatThrownBy(() -> JavaChild.main("A").clockOffset(Duration.ofDays(365L * 300))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The clock offset must be within about 292 years, not PT2628000H");
        assertThatThrownBy(() -> JavaChild.main("A").startTime(Instant.parse("2250-01-01T00:00:00Z")).clockOffset(Duration.ofDays(36_500)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("The child's clock would start at 2250-01-01T00:00:00Z moved by"
                        + " PT876000H, beyond about 292 years of 1970");

        JavaChild child = JavaChild.main("A").clockOffset(Duration.ofHours(-1)).timeFactor(10).startTime(Instant.EPOCH);
        assertThat(Api.java(child).time()).isEqualTo(new TimePlan(10, 0, true, -3_600_000_000_000L, List.of()));
        assertThat(Api.java(JavaChild.main("A").clockOffset(Duration.ZERO)).time().rewrites()).as("zero: shiftable only").isTrue();
    }

    @Test
    void readinessAndStopSayWhatTheyWaitForAndDo() {
        assertThat(List.of(Ready.onStart(), Ready.whenLogged("listening on \\d+"), Ready.listening(Endpoint.tcp(5555)),
                Ready.whenSignalled(), Ready.afterExit())).extracting(Ready::toString).containsExactly(
                        "the start of the child", "a line matching /listening on \\d+/", "a socket listening on tcp://127.0.0.1:5555",
                        "ProcTest.ready() in the child", "the exit of the child");
        assertThat(List.of(Stop.gracefully(), Stop.withSignal(Signal.INT), Stop.kill(), Stop.bySending(Endpoint.tcp(5555), SocketType.REQ, "bye")))
                .extracting(Stop::toString).containsExactly("SIGTERM, then SIGKILL", "SIGINT, then SIGKILL", "SIGKILL",
                        "the message [bye] sent by a REQ socket to tcp://127.0.0.1:5555, then SIGKILL");
        assertThat(Api.ready(Ready.afterExit().within(Duration.ofSeconds(3))).ownTimeout()).contains(Duration.ofSeconds(3));
    }

    @Test
    void endpointIsALoopbackAddress() {
        Endpoint endpoint = Endpoint.tcp(5555);

        assertThat(endpoint.address()).isEqualTo("tcp://127.0.0.1:5555");
        assertThat(endpoint.host()).isEqualTo("127.0.0.1");
        assertThat(endpoint.port()).isEqualTo(5555);
        assertThat(endpoint).isEqualTo(Endpoint.tcp(5555)).hasToString("tcp://127.0.0.1:5555");
        assertThat(endpoint.transport()).isEqualTo(Transport.TCP);
    }

    @Test
    void ipcEndpointHasThePortJeroMqDerivesFromItsPath() {
        Endpoint endpoint = Endpoint.ipc(Path.of("/tmp/proctest-ipc-1/pong"));

        assertThat(endpoint.address()).isEqualTo("ipc:///tmp/proctest-ipc-1/pong");
        assertThat(endpoint.transport()).isEqualTo(Transport.IPC);
        assertThat(endpoint.host()).isEqualTo("127.0.0.1");
        InetSocketAddress jeromqs = (InetSocketAddress) new IpcAddress("/tmp/proctest-ipc-1/pong").address();
        assertThat(endpoint.port()).isEqualTo(jeromqs.getPort());
    }
}
