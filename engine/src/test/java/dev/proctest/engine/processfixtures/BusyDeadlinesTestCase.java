package dev.proctest.engine.processfixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proctest.ChildProcess;
import dev.proctest.CommandChild;
import dev.proctest.Endpoint;
import dev.proctest.JavaChild;
import dev.proctest.LineClient;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.Stop;
import dev.proctest.TestSocketException;
import dev.proctest.engine.children.PortListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * With a core kept busy, a send of 64 MB to a server that reads nothing and the stop of a child
 * with a hundred grandchildren that ignore {@code SIGTERM} end within a second of their deadlines.
 */
public class BusyDeadlinesTestCase {

    private static final Duration DEADLINE = Duration.ofMillis(500);
    private static final Duration SLACK = Duration.ofSeconds(1);

    private volatile boolean busy = true;
    private Thread spinner;

    @BeforeEach
    void keepACoreBusy() {
        spinner = new Thread(() -> {
            long spins = 0;
            while (busy) {
                spins++;
            }
            assertThat(spins).isPositive();
        }, "busy");
        spinner.start();
    }

    @AfterEach
    void letItRest() throws InterruptedException {
        busy = false;
        spinner.join();
    }

    @ProcessTest
    void aBigSendToAServerThatDoesNotReadEndsByItsDeadline(Processes processes) {
        Endpoint endpoint = processes.endpoint("deaf");
        processes.spawn(JavaChild.main(PortListener.class).args(String.valueOf(endpoint.port())).readyWhen(Ready.listening(endpoint)));
        LineClient client = processes.lineClient(endpoint).timeout(DEADLINE);
        byte[] big = new byte[64 * 1024 * 1024];
        long start = System.nanoTime();
        assertThatThrownBy(() -> client.sendBytes(big)).isInstanceOf(TestSocketException.class)
                .hasMessageContaining("the server does not read");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(DEADLINE.plus(SLACK));
    }

    @ProcessTest
    void theStopOfAHundredGrandchildrenEndsByItsDeadline(Processes processes) {
        ChildProcess child = processes.spawn(CommandChild.of("sh", "-c", "trap '' TERM; i=0; while [ $i -lt 100 ]; do sleep 600 & i=$((i+1));"
                + " done; echo started; wait").readyWhen(Ready.whenLogged("started")).stopWith(Stop.gracefully().within(DEADLINE)));
        List<ProcessHandle> grandchildren = ProcessHandle.of(child.pid()).map(shell -> shell.children().toList()).orElseThrow();
        assertThat(grandchildren).hasSize(100);
        long start = System.nanoTime();
        child.stop();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(DEADLINE.plus(SLACK));
        assertThat(grandchildren.stream().filter(BusyDeadlinesTestCase::running).map(ProcessHandle::pid)).as("grandchildren running").isEmpty();
    }

    /** Whether {@code process} runs: alive, and not a zombie that waits for init to reap it. */
    private static boolean running(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            return process.isAlive() && stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return false; // gone
        }
    }
}
