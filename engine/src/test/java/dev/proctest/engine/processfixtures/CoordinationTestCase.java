package dev.proctest.engine.processfixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proctest.ChildProcess;
import dev.proctest.ChildProcessException;
import dev.proctest.CoordinationException;
import dev.proctest.JavaChild;
import dev.proctest.Mailbox;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.child.ProcTest;
import dev.proctest.engine.children.Coordinated;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** Barriers and mailboxes between a test and its children, in the ways that pass; run by CoordinationTests. */
public class CoordinationTestCase {

    private static JavaChild coordinated(String name, String... args) {
        return JavaChild.main(Coordinated.class).name(name).args(args).readyWhen(Ready.whenSignalled());
    }

    @ProcessTest
    void theTestAndTwoChildrenPassABarrierTogether(Processes processes) {
        List<ChildProcess> nodes = processes.spawnAll(coordinated("a", "arrive", "go"), coordinated("b", "arrive", "go"));
        nodes.get(0).logs().await("arriving at go");

        processes.barrier("go", nodes.toArray(ChildProcess[]::new));

        nodes.get(0).logs().await("passed go");
        nodes.get(1).logs().await("passed go");
    }

    @ProcessTest
    void aLambdaWaitingAtABarrierIsReleasedByTheTestsArrival(Processes processes) throws Exception {
        ChildProcess child = processes.spawn(coordinated("a", "idle"));
        CompletableFuture<String> lambda = CompletableFuture.supplyAsync(() -> child.run(() -> {
            ProcTest.barrier("in-lambda");
            return "passed";
        }));

        processes.barrier("in-lambda", child);

        assertThat(lambda.get()).isEqualTo("passed");
    }

    @ProcessTest
    void valuesPutBeforeAnyoneTakesComeOutInOrder(Processes processes) {
        ChildProcess child = processes.spawn(coordinated("a", "put", "queue", "3"));
        child.logs().await("put 3");
        Mailbox<String> queue = processes.mailbox("queue", String.class);

        assertThat(List.of(queue.take(), queue.take(), queue.take())).containsExactly("value 0", "value 1", "value 2");
        assertThatThrownBy(() -> queue.take(Duration.ofMillis(200))).isInstanceOf(CoordinationException.class)
                .hasMessage("Mailbox 'queue' of the test (0 values in it): it stayed empty for 200 ms (the timeout it was given)");
    }

    @ProcessTest
    void manyThreadsInManyChildrenTakeEveryJobOnce(Processes processes) throws Exception {
        int children = 3;
        int threads = 4;
        int jobsEach = 25;
        List<JavaChild> specs = new ArrayList<>();
        for (int c = 0; c < children; c++) {
            specs.add(coordinated("w" + c, "workers", String.valueOf(threads), String.valueOf(jobsEach)).systemProperty("worker.name", "w" + c));
        }
        processes.spawnAll(specs);
        int total = children * threads * jobsEach;
        List<CompletableFuture<Void>> putters = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            int from = p * total / 4;
            putters.add(CompletableFuture.runAsync(() -> {
                for (int i = from; i < from + total / 4; i++) {
                    processes.mailbox("jobs").put("job " + i);
                }
            }));
        }
        Set<String> jobsDone = new HashSet<>();
        Set<String> workers = new HashSet<>();
        Mailbox<String> done = processes.mailbox("done", String.class);
        for (int i = 0; i < total; i++) {
            String[] parts = done.take().split(" by ");
            assertThat(jobsDone.add(parts[0])).as("%s done once", parts[0]).isTrue();
            workers.add(parts[1]);
        }
        CompletableFuture.allOf(putters.toArray(CompletableFuture[]::new)).get();
        assertThat(jobsDone).hasSize(total);
        assertThat(workers).hasSize(children * threads);
        assertThatThrownBy(() -> done.take(Duration.ofMillis(100))).isInstanceOf(CoordinationException.class);
    }

    @ProcessTest
    void aValueThatDoesNotDeserializeFailsItsTakeAndTheMailboxGoesOn(Processes processes) {
        processes.spawn(coordinated("a", "unreadable", "box")).logs();
        Mailbox<?> box = processes.mailbox("box");

        assertThatThrownBy(box::take).isInstanceOf(CoordinationException.class)
                .hasMessageStartingWith("Took a value from mailbox 'box' that the test JVM cannot read, and it is gone from the mailbox:")
                .hasMessageContaining("refuses to be read");
        processes.mailbox("box", String.class).put("next");
        assertThat(processes.mailbox("box", String.class).take()).isEqualTo("next");
    }

    @ProcessTest
    void aTakeFailsAtOnceWhenEveryChildOfTheTestHasExited(Processes processes) {
        ChildProcess child = processes.spawn(coordinated("a", "idle").mayExit());
        child.kill();
        child.awaitExit(Duration.ofSeconds(10));

        assertThatThrownBy(() -> processes.mailbox("k").take(Duration.ofSeconds(20))).isInstanceOf(CoordinationException.class)
                .hasMessage("Mailbox 'k' of the test (0 values in it): every child of the test has exited, so none can put into it");
    }

    @ProcessTest
    void aChildRestartedBeforeTheTestArrivesMustArriveAgain(Processes processes) throws Exception {
        Path marker = Files.createTempDirectory("proctest-barrier").resolve("ran");
        ChildProcess child = processes.spawn(coordinated("a", "first-run-arrives", "go", marker.toString()));
        child.logs().await("arriving at go");

        ChildProcess again = child.restart();

        assertThatThrownBy(() -> processes.barrier("go", Duration.ofMillis(300), again)).isInstanceOf(CoordinationException.class)
                .hasMessage("Barrier 'go' of the test broke: the test waited 300 ms (the timeout it was given); arrived: the test;"
                        + " missing: 'a'");
    }

    @ProcessTest
    void aChildTheTestDidNotNameIsRefusedAndTheTestArrivesOnce(Processes processes) {
        ChildProcess a = processes.spawn(coordinated("a", "arrive", "go"));
        ChildProcess b = processes.spawn(coordinated("b", "idle"));
        a.logs().await("arriving at go");
        CompletableFuture<Void> stranger = CompletableFuture.runAsync(() -> b.run(() -> {
            ProcTest.barrier("go");
            return null;
        }));
        stranger.exceptionally(e -> null);

        processes.barrier("go", a);

        assertThatThrownBy(() -> b.run(() -> {
            ProcTest.barrier("go");
            return null;
        })).isInstanceOf(CoordinationException.class).hasMessage("Child 'b' is not a party of Barrier 'go' of the test: the test named 'a'");
        assertThatThrownBy(() -> processes.barrier("go", a)).isInstanceOf(IllegalStateException.class)
                .hasMessage("The test arrived at Barrier 'go' of the test before; a barrier is passed once: give each barrier of a test"
                        + " its own name");
        assertThat(a.<Integer>run(() -> {
            ProcTest.barrier("go"); // passed: a party arriving again goes on at once
            return 1;
        })).isEqualTo(1);
    }

    @ProcessTest
    void aChildWhoseTimeRunsFasterWaitsInRealTime(Processes processes) {
        ChildProcess fast = processes.spawn(coordinated("fast", "idle").timeFactor(1000));
        long start = System.nanoTime();

        assertThatThrownBy(() -> fast.run(() -> {
            ProcTest.barrier("never", Duration.ofMillis(300));
            return null;
        })).isInstanceOf(CoordinationException.class).hasMessage("Barrier 'never' of the test broke: child 'fast' gave up waiting after"
                + " 300 ms of real time, not the child's time; arrived: 'fast'; missing: the test (and whichever children the test names)");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @ProcessTest
    void aLambdaThatDoesNotReturnSaysTheBarrierItWaitsAtAndWhoIsMissing(Processes processes) {
        ChildProcess a = processes.spawn(coordinated("a", "idle"));
        processes.spawn(coordinated("b", "idle"));

        assertThatThrownBy(() -> a.run(() -> {
            ProcTest.barrier("go");
            return null;
        }, Duration.ofMillis(500))).isInstanceOf(ChildProcessException.class).hasMessageContaining("did not return from the lambda"
                + " given to run within 500 ms (it waits at barrier 'go' of the test, where arrived: 'a'; missing: the test (and"
                + " whichever children the test names))");
    }

    @ProcessTest
    void outsideAChildTheChildSideSaysItNeedsOne() {
        assertThatThrownBy(() -> ProcTest.barrier("go")).isInstanceOf(IllegalStateException.class)
                .hasMessage("ProcTest.barrier works only in a child that proctest started, which waits with its test; this JVM is not one");
        assertThatThrownBy(() -> ProcTest.mailbox("k")).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("ProcTest.mailbox works only in a child that proctest started");
    }
}
