package dev.proctest.engine.processfixtures;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proctest.CallRecorder;
import dev.proctest.ChildProcess;
import dev.proctest.ChildProcessException;
import dev.proctest.JavaChild;
import dev.proctest.Logs;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.engine.children.Registry;
import java.time.Duration;

/**
 * When a test's wait on a child on a virtual clock times out, its message says what keeps the
 * clock from moving: a thread that never waits, by name, or that no deadline is pending at all.
 * Each lambda runs inside the child.
 */
public class VirtualClockStillTestCase {

    static volatile boolean spinning = true;

    @ProcessTest
    void anAwaitThatTimesOutNamesTheBusyThreadThatHoldsTheClock(Processes processes, Logs logs, CallRecorder calls) {
        ChildProcess child = processes.spawn(JavaChild.main(Registry.class).name("controller").virtualTime()
                .readyWhen(Ready.whenSignalled()));
        child.run(() -> {
            Thread control = new Thread(() -> {
                try {
                    while (true) {
                        Thread.sleep(1000);
                        System.out.println("tick");
                    }
                } catch (InterruptedException e) {
                    // ends the loop
                }
            }, "control");
            Thread spinner = new Thread(() -> {
                long spins = 0;
                while (spinning) {
                    spins++;
                }
                System.out.println("spun " + spins);
            }, "spinner");
            control.setDaemon(true);
            spinner.setDaemon(true);
            control.start();
            spinner.start();
            return null;
        });
        try {
            assertThatThrownBy(() -> child.logs().within(Duration.ofMillis(500)).await("tick")).isInstanceOf(ChildProcessException.class)
                    .hasMessageContaining("Child 'controller': Its virtual clock reads 0.000 s since main started and has not moved for")
                    .hasMessageContaining("of real time: thread 'spinner' (RUNNABLE, at ")
                    .hasMessageContaining("keeps running (a busy loop, or work that never waits)");
            assertThatThrownBy(() -> logs.within(Duration.ofMillis(500)).await("tick")).as("the scope's logs")
                    .hasMessageContaining("Child 'controller': Its virtual clock reads 0.000 s").hasMessageContaining("thread 'spinner'");
            assertThatThrownBy(() -> calls.within(Duration.ofMillis(500)).await(Runnable.class, "run")).as("the scope's calls")
                    .hasMessageContaining("Child 'controller': Its virtual clock reads 0.000 s").hasMessageContaining("thread 'spinner'");
        } finally {
            child.run(() -> spinning = false);
        }
        child.logs().await("tick");
    }

    @ProcessTest
    void anAwaitThatTimesOutSaysThatNoDeadlineIsPending(Processes processes) {
        ChildProcess child = processes.spawn(JavaChild.main(Registry.class).name("idle").virtualTime()
                .readyWhen(Ready.whenSignalled()));

        assertThatThrownBy(() -> child.logs().within(Duration.ofMillis(300)).await("tick")).isInstanceOf(ChildProcessException.class)
                .hasMessageContaining("Child 'idle': Its virtual clock reads 0.000 s since main started and has not moved for")
                .hasMessageContaining("no deadline is pending (no thread of the system under test sleeps or waits with a timeout)");
    }

    @ProcessTest
    void aChildOnAnotherClockGetsNoNote(Processes processes) {
        ChildProcess child = processes.spawn(JavaChild.main(Registry.class).name("real").readyWhen(Ready.whenSignalled()));

        assertThatThrownBy(() -> child.logs().within(Duration.ofMillis(300)).await("tick")).isInstanceOf(ChildProcessException.class)
                .message().doesNotContain("virtual clock");
    }
}
