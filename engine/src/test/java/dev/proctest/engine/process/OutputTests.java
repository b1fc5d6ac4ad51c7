package dev.proctest.engine.process;

import static dev.proctest.engine.ProcTestKit.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.proctest.engine.Outcomes;
import dev.proctest.engine.processfixtures.BigOutputTestCase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A child's output is drained as it is written, so no amount of it blocks the child, and all of it is kept. */
class OutputTests {

    @Test
    void childWritingHundredMegabytesNeverBlocksAndItsLogHasEveryLine() throws Exception {
        Outcomes.assertAllPassed(execute(selectClass(BigOutputTestCase.class)), 1);

        Path log = Path.of("target/proctest", BigOutputTestCase.class.getName(), "writesHundredMegabytes", "big.log");
        Map<Boolean, Long> outputLines;
        try (Stream<String> lines = Files.lines(log)) {
            outputLines = lines.filter(line -> line.contains(" big INFO stdout [main] "))
                    .collect(Collectors.partitioningBy(line -> line.endsWith(" stdout [main] done"), Collectors.counting()));
        }
        assertThat(outputLines).containsEntry(false, 100L * 1024 * 1024 / 100).containsEntry(true, 1L);
    }
}
