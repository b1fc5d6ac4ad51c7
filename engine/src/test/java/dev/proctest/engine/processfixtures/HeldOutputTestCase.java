package dev.proctest.engine.processfixtures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.ChildProcess;
import dev.proctest.CommandChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.ProgramResult;
import java.time.Duration;

/**
 * A program that exits leaving a grandchild that holds its output open: the waits for its exit
 * keep their deadlines, and what it wrote before it exited is there.
 */
public class HeldOutputTestCase {

    private static final Duration DEADLINE = Duration.ofSeconds(1);

    /** What a wait may take past its deadline on a loaded machine. */
    private static final Duration SLACK = Duration.ofSeconds(1);

    @ProcessTest
    void runReturnsByItsDeadline(Processes processes) {
        long start = System.nanoTime();
        ProgramResult result = processes.run(CommandChild.of("sh", "-c", "echo done; sleep 600 & exit 4"), DEADLINE);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(DEADLINE.plus(SLACK));
        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.stdout()).isEqualTo("done\n");
    }

    @ProcessTest
    void awaitExitReturnsByItsDeadline(Processes processes) {
        ChildProcess child = processes.start(CommandChild.of("sh", "-c", "echo started; sleep 600 & exit 0"));
        long start = System.nanoTime();
        assertThat(child.awaitExit(DEADLINE)).isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(DEADLINE.plus(SLACK));
        assertThat(child.logs().lines()).anySatisfy(line -> assertThat(line).endsWith("started"));
    }
}
