package dev.proctest.samples.thermostat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;

import dev.proctest.CallRecorder;
import dev.proctest.ChildProcess;
import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import java.util.concurrent.atomic.AtomicReference;
import org.mockito.InOrder;

/**
 * The thermostat runs for real in a child JVM; only its hardware is replaced: the sensor's reads
 * are answered by the test, the relay and the pump are spied on and verified with Mockito.
 */
class ThermostatTests {

    @ProcessTest
    void heats_below_20_and_stops_at_21_switching_relay_and_pump_in_order(Processes processes, CallRecorder calls) {
        AtomicReference<Double> temperature = new AtomicReference<>(22.0);
        ChildProcess thermostat = processes.spawn(JavaChild.main(Thermostat.class)
                .mock(Sensor.class).answer(Sensor.class, "read", call -> temperature.get())
                .spy(Relay.class).spy(Pump.class)
                .readyWhen(Ready.whenLogged("thermostat running")));
        Relay relay = calls.mirror(Relay.class);
        Pump pump = calls.mirror(Pump.class);

        temperature.set(18.5);                                   // it gets cold
        verify(pump, timeout(2_000)).start();
        temperature.set(21.5);                                   // warm enough
        verify(relay, timeout(2_000)).switchOff();

        InOrder order = inOrder(relay, pump);                    // across two types, as the child called them
        order.verify(relay).switchOn();
        order.verify(pump).start();
        order.verify(pump).stop();
        order.verify(relay).switchOff();
        assertEquals(2, thermostat.run(Thermostat::switches));   // the child's own state
    }
}
