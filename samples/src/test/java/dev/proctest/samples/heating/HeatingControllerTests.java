package dev.proctest.samples.heating;

import static dev.proctest.samples.heating.HeatingController.HYSTERESIS;
import static dev.proctest.samples.heating.HeatingController.OFF_ABOVE;
import static dev.proctest.samples.heating.HeatingController.ON_BELOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import dev.proctest.CallRecorder;
import dev.proctest.ChildProcess;
import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.RecordedCall;
import dev.proctest.samples.heating.RoomDay.Spell;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.TestReporter;
import org.mockito.InOrder;

/**
 * A whole winter day of the heating controller, run in about a minute: the child's clock is virtual
 * from midnight, so it stands still while the controller works and jumps to the end of each 1 s sleep,
 * and the test asserts on the controller's production durations, read from the child's clock at each
 * recorded call, to the millisecond. Nothing in the controller was shortened for the test.
 *
 * <p>With {@code -Dheating.timeFactor=N} the same day runs on a clock N times faster than real time
 * instead, for a comparison: a scaled clock counts every real millisecond the controller spends
 * between its sleeps N times, so its switches come late by whatever the machine stalled, and the
 * test only checks that each came after its hysteresis, not how soon.
 */
class HeatingControllerTests {

    private static final Instant MIDNIGHT = Instant.parse("2026-01-15T00:00:00Z");

    @ProcessTest
    void a_winter_day_switches_the_heating_once_per_cold_spell_and_never_for_a_draught(Processes processes, CallRecorder calls,
            TestReporter reporter) {
        String factor = System.getProperty("heating.timeFactor", "virtual"); // a number: on a scaled clock
        factor = factor.equals("virtual") ? "" : factor;
        JavaChild spec = JavaChild.main(HeatingDay.class).jvmArgs("-Duser.timezone=UTC");
        spec = factor.isEmpty() ? spec.virtualTime() : spec.timeFactor(Double.parseDouble(factor));
        ChildProcess day = processes.spawn(spec.startTime(MIDNIGHT)
                .spy(Relay.class).spy(RoomDay.class)
                .mayExit());
        long began = System.nanoTime();

        assertThat(day.awaitExit(Duration.ofSeconds(180))).as("a day of child time in under 180 s of real time").isZero();
        Duration real = Duration.ofNanos(System.nanoTime() - began);

        List<RecordedCall> reads = calls.calls(RoomDay.class).stream().filter(call -> call.method().equals("celsius")).toList();
        List<RecordedCall> switches = calls.calls(Relay.class).stream().filter(call -> call.method().startsWith("switch")).toList();
        Duration worst = Duration.ZERO;
        for (RecordedCall change : switches) {
            Duration error = held(change, reads).minus(HYSTERESIS);
            worst = error.abs().compareTo(worst.abs()) > 0 ? error : worst;
        }
        String clock = factor.isEmpty() ? "virtual clock" : "time factor " + factor;
        System.out.printf("heating day on a %s: %.1f s real, %d switches, worst switch %+d ms from its hysteresis%n", clock,
                real.toMillis() / 1000.0, switches.size(), worst.toMillis());
        reporter.publishEntry("clock", clock);
        reporter.publishEntry("real time of the day", real.toString());
        reporter.publishEntry("worst switch from its hysteresis", worst.toString());

        assertThat(Duration.between(MIDNIGHT, reads.get(reads.size() - 1).time())).as("the controller read the room all day")
                .isGreaterThan(Duration.ofHours(24).minusMinutes(1));
        Relay relay = calls.mirror(Relay.class);
        verify(relay, times(RoomDay.COLD_SPELLS.size())).switchOn();
        verify(relay, times(RoomDay.COLD_SPELLS.size())).switchOff();
        InOrder order = inOrder(relay);
        for (Spell spell : RoomDay.COLD_SPELLS) {
            order.verify(relay).switchOn();
            order.verify(relay).switchOff();
        }
        for (int i = 0; i < RoomDay.COLD_SPELLS.size(); i++) {
            Spell spell = RoomDay.COLD_SPELLS.get(i);
            LocalTime on = timeOfDay(switches.get(2 * i));
            LocalTime off = timeOfDay(switches.get(2 * i + 1));
            assertThat(on).as("switched on in the spell from %s, after the hysteresis", spell.start())
                    .isAfterOrEqualTo(spell.start().plus(HYSTERESIS)).isBefore(spell.end());
            assertThat(off).as("switched off after the spell that ended at %s", spell.end())
                    .isAfterOrEqualTo(spell.end().plus(HYSTERESIS)).isBefore(spell.end().plusMinutes(20));
        }
        for (RecordedCall change : switches) {
            assertThat(held(change, reads)).as("%s at %s: readings held", change.method(), timeOfDay(change))
                    .isGreaterThanOrEqualTo(HYSTERESIS);
        }
        if (factor.isEmpty()) {
            assertThat(worst).as("on a virtual clock, every switch came exactly a hysteresis after the readings that caused it")
                    .isZero();
        }
    }

    /**
     * How long the readings before a switch had been on its side when it came: from the first of
     * the run of such readings that ends with the switch; zero if the last reading was not.
     */
    private static Duration held(RecordedCall change, List<RecordedCall> reads) {
        boolean on = change.method().equals("switchOn");
        Instant began = null;
        for (RecordedCall read : reads) {
            if (read.time().isAfter(change.time())) {
                break;
            }
            double celsius = (Double) read.result().orElseThrow();
            boolean onSide = on ? celsius < ON_BELOW : celsius > OFF_ABOVE;
            began = onSide ? (began == null ? read.time() : began) : null;
        }
        return began == null ? Duration.ZERO : Duration.between(began, change.time());
    }

    private static LocalTime timeOfDay(RecordedCall call) {
        return LocalTime.ofInstant(call.time(), ZoneOffset.UTC);
    }
}
