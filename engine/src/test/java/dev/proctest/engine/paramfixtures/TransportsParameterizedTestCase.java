package dev.proctest.engine.paramfixtures;

import static dev.proctest.Transport.IPC;
import static dev.proctest.Transport.TCP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.Transports;
import dev.proctest.engine.children.Hello;
import dev.proctest.engine.fixtures.CallLog;
import org.junit.jupiter.params.provider.ValueSource;

/** A parameterized test over two transports, each invocation with a child and endpoints of its own. */
public class TransportsParameterizedTestCase {

    @ProcessTest
    @Transports({TCP, IPC})
    @ValueSource(ints = {1, 2})
    void overEach(int count, Processes processes) {
        String address = processes.endpoint("node").address();
        processes.spawn(JavaChild.main(Hello.class).name("hello").readyWhen(Ready.afterExit()));
        assertThat(address).startsWith(address.startsWith("ipc://") ? "ipc://" : "tcp://");
        CallLog.record("overEach " + count + " " + address.substring(0, 3));
    }
}
