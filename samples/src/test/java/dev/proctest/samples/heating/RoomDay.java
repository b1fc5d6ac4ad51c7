package dev.proctest.samples.heating;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

/**
 * A room through a winter day, as a thermometer reads it at the time of day: warm (22 °C) but for
 * five cold spells (18.5 °C), with a 5 s draught (19 °C) at half past every hour and a 5 s ray of
 * sun (22 °C) ten minutes into every cold spell. Reads the time of day as the system under test
 * does, so in a child on child time it follows the child's clock.
 */
public final class RoomDay implements Thermometer {

    /** A cold spell: from {@code start}, for {@code length}. */
    public record Spell(LocalTime start, Duration length) {

        public LocalTime end() {
            return start.plus(length);
        }

        boolean covers(LocalTime time) {
            return !time.isBefore(start) && time.isBefore(end());
        }
    }

    public static final List<Spell> COLD_SPELLS = List.of(
            new Spell(LocalTime.of(2, 0), Duration.ofMinutes(90)),
            new Spell(LocalTime.of(6, 0), Duration.ofMinutes(45)),
            new Spell(LocalTime.of(12, 0), Duration.ofMinutes(20)),
            new Spell(LocalTime.of(18, 0), Duration.ofHours(2)),
            new Spell(LocalTime.of(23, 0), Duration.ofMinutes(30)));

    public static final Duration BLIP = Duration.ofSeconds(5);

    @Override
    public double celsius() {
        return celsiusAt(LocalTime.now());
    }

    public static double celsiusAt(LocalTime time) {
        for (Spell spell : COLD_SPELLS) {
            if (spell.covers(time)) {
                LocalTime sun = spell.start().plusMinutes(10);
                return !time.isBefore(sun) && time.isBefore(sun.plus(BLIP)) ? 22.0 : 18.5;
            }
        }
        LocalTime draught = time.withMinute(30).withSecond(0).withNano(0);
        return !time.isBefore(draught) && time.isBefore(draught.plus(BLIP)) ? 19.0 : 22.0;
    }
}
