package dev.proctest.engine.processfixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proctest.ChildProcess;
import dev.proctest.ChildProcessException;
import dev.proctest.CommandChild;
import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.engine.children.Registry;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** Lambdas run inside a child JVM. */
public class RemoteRunTestCase {

    private static ChildProcess registry(Processes processes) {
        return processes.spawn(JavaChild.main(Registry.class).args("a", "b", "c").readyWhen(Ready.whenSignalled()));
    }

    @ProcessTest
    void readsTheChildsState(Processes processes) {
        ChildProcess child = registry(processes);
        String suffix = "!"; // captured from the test
        assertThat(child.run(() -> Registry.NAMES.stream().map(name -> name + suffix).toList())).isEqualTo(List.of("a!", "b!", "c!"));
        assertThat(child.run(() -> ProcessHandle.current().pid())).isEqualTo(child.pid());
        assertThat(Registry.NAMES).as("the test JVM's copy of the class").isEmpty();
    }

    @ProcessTest
    void actsInsideTheChildAndItsLogsComeFirst(Processes processes) {
        ChildProcess child = registry(processes);
        child.run(() -> {
            System.out.println("adding d");
            return Registry.NAMES.add("d");
        });
        assertThat(child.logs().lines()).anySatisfy(line -> assertThat(line).endsWith("adding d"));
        assertThat(child.run(() -> Registry.NAMES.size())).isEqualTo(4);
    }

    @ProcessTest
    void uncheckedExceptionComesBackAsItWas(Processes processes) {
        ChildProcess child = registry(processes);
        assertThatThrownBy(() -> child.run(() -> {
            throw new IllegalStateException("no such name");
        })).isInstanceOf(IllegalStateException.class).hasMessage("no such name")
                .satisfies(thrown -> assertThat(thrown.getSuppressed()).singleElement().satisfies(origin -> assertThat(origin)
                        .hasMessage("thrown in child 'Registry' by the lambda given to run; the stack trace above is the child's")))
                .satisfies(thrown -> assertThat(thrown.getStackTrace()).anySatisfy(frame ->
                        assertThat(frame.getClassName()).isEqualTo("dev.proctest.child.RemoteRuns")));
    }

    @ProcessTest
    void checkedExceptionIsTheCause(Processes processes) {
        ChildProcess child = registry(processes);
        assertThatThrownBy(() -> child.run(() -> {
            throw new IOException("disk full");
        })).isInstanceOf(ChildProcessException.class)
                .hasMessage("The lambda run in child 'Registry' threw java.io.IOException: disk full")
                .hasCauseInstanceOf(IOException.class);
    }

    @ProcessTest
    void whatDoesNotSerializeIsNamed(Processes processes) {
        ChildProcess child = registry(processes);
        Object notSerializable = new Object();
        assertThatThrownBy(() -> child.run(() -> notSerializable.hashCode())).isInstanceOf(ChildProcessException.class)
                .hasMessageStartingWith("Cannot run the lambda in child 'Registry': it captures a java.lang.Object, which is not"
                        + " serializable.");
        assertThatThrownBy(() -> child.run(() -> new Thread())).isInstanceOf(ChildProcessException.class)
                .hasMessageStartingWith("The lambda run in child 'Registry' returned java.lang.Thread, which does not serialize: "
                        + "java.io.NotSerializableException: java.lang.Thread");
        assertThat(child.run(() -> "still serving")).isEqualTo("still serving");
    }

    @ProcessTest
    void slowLambdaTimesOut(Processes processes) {
        ChildProcess child = registry(processes);
        assertThatThrownBy(() -> child.run(() -> {
            Thread.sleep(5_000); // longer than the test waits
            return 1;
        }, Duration.ofMillis(300))).isInstanceOf(ChildProcessException.class)
                .hasMessageStartingWith("Child 'Registry' (pid " + child.pid() + ", running) did not return from the lambda given to run"
                        + " within 300 ms.");
        assertThat(child.run(() -> "others still run")).isEqualTo("others still run");
    }

    @ProcessTest
    void childThatExitsDuringTheLambda(Processes processes) {
        ChildProcess child = processes.spawn(JavaChild.main(Registry.class).readyWhen(Ready.whenSignalled()).mayExit());
        assertThatThrownBy(() -> child.run(() -> {
            System.exit(3);
            return 1;
        })).isInstanceOf(ChildProcessException.class)
                .hasMessageStartingWith("Child 'Registry' (pid " + child.pid() + ", exited with code 3) exited before it returned from"
                        + " the lambda given to run.");
    }

    @ProcessTest
    void onlyJavaChildrenRunLambdas(Processes processes) {
        ChildProcess sleeper = processes.spawn(CommandChild.of("sleep", "30"));
        assertThatThrownBy(() -> sleeper.run(() -> 1)).isInstanceOf(ChildProcessException.class)
                .hasMessageStartingWith("Cannot run a lambda in child 'sleep': it is not a Java child");
    }
}
