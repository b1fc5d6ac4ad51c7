package dev.proctest.engine.processfixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.intThat;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import dev.proctest.CallRecorder;
import dev.proctest.ChildProcess;
import dev.proctest.ChildProcessException;
import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.RecordedCall;
import dev.proctest.TestSocket;
import dev.proctest.engine.children.AProc;
import dev.proctest.engine.children.BProc;
import dev.proctest.engine.children.Heating;
import dev.proctest.engine.children.Relay;
import dev.proctest.engine.children.Sensor;
import dev.proctest.engine.children.SensorProbe;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import org.zeromq.SocketType;

/** Calls made inside children, recorded, awaited and verified with Mockito from the test. */
public class CallRecorderTestCase {

    @ProcessTest
    void spyRecordsCallsOnEveryThreadAndTheMirrorVerifiesThem(Processes processes, CallRecorder calls) {
        processes.spawn(JavaChild.main(Heating.class).spy(Relay.class).readyWhen(Ready.whenSignalled()));

        RecordedCall boiler = calls.awaitConstruction(Relay.class);
        assertThat(boiler.arguments()).containsExactly("boiler");
        assertThat(boiler.thread()).isEqualTo("main");
        assertThat(calls.calls(Relay.class)).filteredOn(RecordedCall::isConstruction).extracting(call -> call.argument(0, String.class))
                .containsExactly("boiler", "pump");
        assertThat(calls.calls(Relay.class)).filteredOn(call -> call.method().equals("switchOn")).extracting(RecordedCall::thread)
                .containsExactly("main", "worker", "worker");

        Relay relay = calls.mirror(Relay.class);
        verify(relay, times(3)).switchOn();
        verify(relay).switchOff();
        InOrder order = inOrder(relay); // one mirror for every Relay: the boiler, then the pump, are switched on
        order.verify(relay, times(2)).switchOn();
        order.verify(relay).switchOff();
        order.verify(relay).switchOn();
        ArgumentCaptor<Integer> levels = ArgumentCaptor.forClass(Integer.class);
        verify(relay, times(2)).dim(levels.capture());
        assertThat(levels.getAllValues()).containsExactly(150, 40);
        verify(relay).dim(intThat(level -> level > 100));
        verify(relay, never()).dim(eq(0));
    }

    @ProcessTest
    void spyKeepsRealBehaviourAndRecordsResultsAndExceptions(Processes processes, CallRecorder calls) {
        ChildProcess heating = processes.spawn(JavaChild.main(Heating.class).spy(Relay.class).readyWhen(Ready.whenSignalled()));

        assertThat(heating.logs().lines()).anySatisfy(line -> assertThat(line).endsWith("refused: level 150 is out of range"));
        assertThat(calls.calls(Relay.class)).filteredOn(call -> call.method().equals("dim")).satisfiesExactly(
                refused -> {
                    assertThat(refused.thrown()).hasValueSatisfying(thrown -> {
                        assertThat(thrown.type()).isEqualTo("java.lang.IllegalArgumentException");
                        assertThat(thrown.message()).isEqualTo("level 150 is out of range");
                    });
                    assertThat(refused.result()).isEmpty();
                },
                dimmed -> assertThat(dimmed.result()).contains(40));
        assertThat(heating.calls().calls()).isEqualTo(calls.calls());
        assertThat(calls.calls()).extracting(RecordedCall::sequence).isSorted().doesNotHaveDuplicates();
    }

    @ProcessTest
    void argumentsThatDoNotSerializeAreNamed(Processes processes, CallRecorder calls) {
        processes.spawn(JavaChild.main(Heating.class).spy(Relay.class).readyWhen(Ready.whenSignalled()));

        RecordedCall attach = calls.await(Relay.class, "attach");
        assertThat(attach.arguments()).singleElement().asString().startsWith("Thread[");
        assertThatThrownBy(() -> attach.argument(0, Thread.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Argument 0 of Relay.attach(Thread[").hasMessageContaining("is a java.lang.Thread, which does not "
                        + "serialize, so only its toString() came over");
        Relay mirror = calls.mirror(Relay.class);
        verify(mirror).attach(null);
        assertThat(org.mockito.Mockito.mockingDetails(mirror).getMockCreationSettings().getMockName().toString())
                .startsWith("mirror of Relay (not serializable, replayed as null or zero: argument 0 of attach (Thread[");
    }

    @ProcessTest
    void mockedTypeIsCreatedWithoutItsBodyAndTheTestLearnsItsPort(Processes processes, CallRecorder calls) {
        checkMockedB(processes, calls, JavaChild.main(AProc.class), "main");
    }

    @ProcessTest
    void mockedTypeCreatedOnAWorkerThread(Processes processes, CallRecorder calls) {
        checkMockedB(processes, calls, JavaChild.main(AProc.class).args("worker"), "b-starter");
    }

    private static void checkMockedB(Processes processes, CallRecorder calls, JavaChild a, String thread) {
        ChildProcess child = processes.spawn(a.mock(BProc.class));

        RecordedCall created = calls.awaitConstruction(BProc.class);
        assertThat(created.thread()).isEqualTo(thread);
        int port = created.argument(0, Integer.class);
        TestSocket ping = processes.socket(SocketType.REQ).connect("tcp://127.0.0.1:" + port);
        ping.send("ping");
        assertThat(ping.receive()).isEqualTo("pong");

        verify(calls.mirror(BProc.class), timeout(2_000)).start(); // the record may still be on its way when the pong is back
        assertThat(child.logs().lines()).noneSatisfy(line -> assertThat(line).contains("B created")); // the body did not run
    }

    @ProcessTest
    void stubbedMockAnswersTheStub(Processes processes, CallRecorder calls) {
        ChildProcess heating = processes.spawn(JavaChild.main(Heating.class).args("sensor").mock(Sensor.class).stub(Sensor.class, "read", 21.5)
                .spy(Relay.class).readyWhen(Ready.whenSignalled()));

        assertThat(heating.logs().lines()).anySatisfy(line -> assertThat(line).endsWith("temperature 21.5"));
        assertThat(calls.await(Sensor.class, "read").result()).contains(21.5);
        verify(calls.mirror(Sensor.class)).read();
    }

    @ProcessTest
    void awaitThatTimesOutShowsWhatWasRecorded(Processes processes, CallRecorder calls) {
        processes.spawn(JavaChild.main(Heating.class).spy(Relay.class).readyWhen(Ready.whenSignalled()));
        calls.awaitConstruction(Relay.class);

        assertThatThrownBy(() -> calls.within(Duration.ofMillis(200)).await(Relay.class, "explode")).isInstanceOf(ChildProcessException.class)
                .hasMessageStartingWith("No child made a call of Relay.explode within 200 ms. The last ")
                .hasMessageContaining("\n  new Relay(boiler) in child 'Heating' [main]");
        verify(calls.mirror(Relay.class), never()).isOn();
    }

    @ProcessTest
    void remoteAnswerRunsInTheTestWithTheTestsState(Processes processes, CallRecorder calls) {
        AtomicReference<Double> temperature = new AtomicReference<>(19.5);
        List<String> askedBy = new CopyOnWriteArrayList<>();
        ChildProcess probe = processes.spawn(JavaChild.main(SensorProbe.class).mock(Sensor.class)
                .answer(Sensor.class, "read", call -> {
                    askedBy.add(call.child() + "/" + call.thread());
                    return temperature.get();
                }).readyWhen(Ready.whenSignalled()));

        assertThat(probe.logs().lines()).anySatisfy(line -> assertThat(line).endsWith("temperature 19.5"));
        assertThat(askedBy).containsExactly("SensorProbe/main");
        assertThat(calls.await(Sensor.class, "read").result()).contains(19.5);
        temperature.set(-3.0);
        assertThat(probe.run(() -> new Sensor("again").read())).isEqualTo(-3.0);
    }

    @ProcessTest
    void remoteAnswerThatThrowsMakesTheChildsCallThrow(Processes processes) {
        ChildProcess probe = processes.spawn(JavaChild.main(SensorProbe.class).mock(Sensor.class)
                .answer(Sensor.class, "read", call -> {
                    throw new IllegalStateException("sensor unplugged");
                }).readyWhen(Ready.whenSignalled()));

        assertThat(probe.logs().lines()).anySatisfy(line -> assertThat(line).endsWith("failed: java.lang.IllegalStateException: sensor unplugged"));
    }

    @ProcessTest
    void remoteAnswerOfTheWrongTypeIsRefusedSayingWhy(Processes processes) {
        ChildProcess probe = processes.spawn(JavaChild.main(SensorProbe.class).mock(Sensor.class)
                .answer(Sensor.class, "read", call -> "warm").readyWhen(Ready.whenSignalled()));

        assertThat(probe.logs().lines()).anySatisfy(line -> assertThat(line).endsWith("failed: java.lang.IllegalStateException: the test's "
                + "answer to dev.proctest.engine.children.Sensor.read failed: returned warm (java.lang.String), but "
                + "dev.proctest.engine.children.Sensor.read returns double"));
    }

    @ProcessTest
    void staticMethodsMockedOnEveryThread(Processes processes, CallRecorder calls) {
        ChildProcess probe = processes.spawn(JavaChild.main(SensorProbe.class).args("discover").mockStatic(Sensor.class)
                .stub(Sensor.class, "discover", "/dev/fake").readyWhen(Ready.whenSignalled()));

        assertThat(probe.logs().lines()).anySatisfy(line -> assertThat(line).endsWith("found /dev/fake"));
        RecordedCall discover = calls.await(Sensor.class, "discover");
        assertThat(discover.thread()).isEqualTo("discovery");
        assertThat(discover.instance()).isEmpty();
        assertThat(discover.result()).contains("/dev/fake");
        assertThat(probe.logs().lines()).as("instances keep their behaviour").anySatisfy(line -> assertThat(line)
                .endsWith("failed: java.lang.IllegalStateException: no sensor hardware at /dev/temp0"));
    }
}
