package dev.proctest.engine.nestedfixtures;

import dev.proctest.Implementation;
import dev.proctest.Implementations;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Transport;
import dev.proctest.Transports;
import dev.proctest.engine.fixtures.CallLog;
import org.junit.jupiter.api.Nested;

/** A nested class in each run of an {@code @Implementations} class, its test repeated over the enclosing class's transports. */
@Implementations({"java", "python"})
@Transports({Transport.TCP, Transport.IPC})
public class NestedImplementationsTestCase {

    @Nested
    public class Inner {

        @ProcessTest
        void test(Implementation implementation, Processes processes) {
            CallLog.record(implementation.name() + " " + processes.endpoint("server").transport().label());
        }
    }
}
