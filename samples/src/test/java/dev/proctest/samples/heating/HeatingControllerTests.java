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
 * A whole winter day of the heating controller, run in about a minute and a half: the child's time runs 1,000
 * times faster from midnight, and the test asserts on the controller's production durations, read from
 * the child's clock at each recorded call. Nothing in the controller was shortened for the test.
 */
class HeatingControllerTests {

    private static final Instant MIDNIGHT = Instant.parse("2026-01-15T00:00:00Z");

    @ProcessTest
    void a_winter_day_switches_the_heating_once_per_cold_spell_and_never_for_a_draught(Processes processes, CallRecorder calls,
            TestReporter reporter) {
        // At 10,000 a stall of 0.5 ms between a reading and the controller's nanoTime was 5 s of child time, enough for a
        // draught to last its hysteresis; at 2,000 a 2.5 ms stall did it on a loaded machine; at 1,000 it takes 5 ms,
        // and the day takes about 90 s
        ChildProcess day = processes.spawn(JavaChild.main(HeatingDay.class)
                .jvmArgs("-Duser.timezone=UTC")
                .timeFactor(1_000).startTime(MIDNIGHT)
                .spy(Relay.class).spy(RoomDay.class)
                .mayExit());

        assertThat(day.awaitExit(Duration.ofSeconds(180))).as("a day of child time in under 180 s of real time").isZero();

        List<RecordedCall> reads = calls.calls(RoomDay.class).stream().filter(call -> call.method().equals("celsius")).toList();
        List<RecordedCall> switches = calls.calls(Relay.class).stream().filter(call -> call.method().startsWith("switch")).toList();
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
        Duration worst = Duration.ZERO;
        for (RecordedCall change : switches) {
            worst = max(worst, assertReadingsHeldForTheHysteresis(change, reads));
        }
        reporter.publishEntry("reads", String.valueOf(reads.size()));
        reporter.publishEntry("latest switch after its reading began, beyond the hysteresis", worst.toString());
    }

    /**
     * Checks that every reading the controller took in the hysteresis before a switch was on the
     * switch's side, and that the run of such readings began a hysteresis or more before it;
     * returns how much more.
     */
    private static Duration assertReadingsHeldForTheHysteresis(RecordedCall change, List<RecordedCall> reads) {
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
        assertThat(began).as("a reading on the side of %s before it", change.method()).isNotNull();
        Duration held = Duration.between(began, change.time());
        assertThat(held).as("%s at %s: readings held", change.method(), timeOfDay(change)).isGreaterThanOrEqualTo(HYSTERESIS);
        return held.minus(HYSTERESIS);
    }

    private static LocalTime timeOfDay(RecordedCall call) {
        return LocalTime.ofInstant(call.time(), ZoneOffset.UTC);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
