package dev.proctest.engine.processfixtures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.ChildProcess;
import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.engine.children.Registry;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * The log records of a child on a virtual clock carry its virtual time, whichever way they were
 * written: JUL, Logback, Log4j 2, {@code System.out} and {@code System.err}, and a line written to
 * the process's standard output past {@code System.out}, which only the pipe sees. Run with Logback
 * and Log4j 2 on the class path. Each lambda runs inside the child.
 */
public class VirtualTimeLogsTestCase {

    @ProcessTest
    void everyRecordWrittenAfterAnHourOfSleepCarriesTheVirtualTimeAnHourOn(Processes processes) {
        ChildProcess child = processes.spawn(JavaChild.main(Registry.class).name("logger").virtualTime()
                .systemProperty("log4j2.configurationFile", "proctest-child-log4j2.xml").readyWhen(Ready.whenSignalled()));
        Instant start = child.clock().instant();

        child.run(() -> {
            Thread.sleep(Duration.ofHours(1).toMillis());
            java.util.logging.Logger.getLogger("orders").info("jul after an hour");
            org.slf4j.LoggerFactory.getLogger("orders").info("logback after an hour");
            org.apache.logging.log4j.LogManager.getLogger("orders").info("log4j2 after an hour");
            System.out.println("stdout after an hour");
            System.err.println("stderr after an hour");
            FileOutputStream raw = new FileOutputStream(FileDescriptor.out);
            raw.write("raw after an hour\n".getBytes(StandardCharsets.UTF_8));
            raw.flush();
            return null;
        });

        Instant hourLater = start.plus(Duration.ofHours(1));
        assertThat(child.clock().instant()).isEqualTo(hourLater);
        for (String message : new String[] {"jul", "logback", "log4j2", "stdout", "stderr", "raw"}) {
            assertThat(child.logs().await("^" + message + " after an hour").time()).as(message).isEqualTo(hourLater);
        }
    }
}
