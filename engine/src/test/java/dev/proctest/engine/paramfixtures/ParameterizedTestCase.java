package dev.proctest.engine.paramfixtures;

import static org.junit.jupiter.params.provider.Arguments.argumentSet;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.proctest.ProcessTest;
import dev.proctest.ProcessTestInfo;
import dev.proctest.SystemTest;
import dev.proctest.Transport;
import dev.proctest.engine.fixtures.CallLog;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Process and system tests fed by each of Jupiter's common argument sources; each records what it got. */
public class ParameterizedTestCase {

    @ProcessTest
    @ValueSource(ints = {1, 3, 5})
    void nodes(int nodes, ProcessTestInfo info) {
        CallLog.record("nodes " + nodes + " " + info.displayName());
    }

    @SystemTest
    @CsvSource({"3, 2.5, TCP", "5, 7, IPC"})
    void csv(int nodes, double load, Transport transport) {
        CallLog.record("csv " + nodes + " " + load + " " + transport);
    }

    @ProcessTest
    @EnumSource(names = {"TCP", "UNIX"})
    void enums(Transport transport) {
        CallLog.record("enums " + transport);
    }

    @ProcessTest
    @MethodSource("sizes")
    void sizes(long size, String unit) {
        CallLog.record("sizes " + size + unit);
    }

    static Stream<Arguments> sizes() {
        CallLog.record("factory");
        return Stream.of(arguments(1, "kB"), argumentSet("big", 100, "MB"));
    }
}
