package dev.proctest.engine.processfixtures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.ChildProcess;
import dev.proctest.JavaChild;
import dev.proctest.LogRecord;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.engine.children.PrintsWhileEnding;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Children whose own shutdown hook prints while the runtime sends its last records: each line once in the log. */
public class PrintsWhileEndingTestCase {

    @ProcessTest
    void eachLineOfAnEndingHookIsInTheLogOnce(Processes processes) {
        for (int pause = 0; pause < 4; pause++) { // each pause puts the burst elsewhere across the runtime's end
            ChildProcess child = processes.spawn(JavaChild.main(PrintsWhileEnding.class).name("ending-" + pause)
                    .args(String.valueOf(pause)).readyWhen(Ready.whenSignalled()));
            child.stop();

            Map<String, Long> counts = child.logs().records().stream().map(LogRecord::message).filter(line -> line.startsWith("hook "))
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(counts.entrySet().stream().filter(line -> line.getValue() > 1).map(Map.Entry::getKey).sorted().toList())
                    .as("lines of %s's hook in its log twice", child.name()).isEmpty();
            assertThat(counts).as("every line of %s's hook", child.name()).hasSize(PrintsWhileEnding.LINES);
        }
    }
}
