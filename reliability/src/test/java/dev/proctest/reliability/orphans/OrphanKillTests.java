package dev.proctest.reliability.orphans;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.reliability.Counts;
import dev.proctest.reliability.Figures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * No process of a test outlives its test JVM: test JVMs of the Console Launcher and of Surefire,
 * running every kind of child, are killed with {@code SIGKILL} at random moments, and every
 * process of the trial (found by the environment it inherited, {@link TrialProcesses}) must be gone
 * soon after. The kills are drawn from a seed, printed with the figures and in every failure;
 * {@code -Dproctest.orphans.seed=<seed>} repeats a run's draws.
 */
@EnabledOnOs(OS.LINUX) // the trial's processes are found through /proc
class OrphanKillTests {

    /** How long the processes of a trial may take to end before the trial fails: generous, for a loaded CI machine; the figures say how long they took. */
    private static final Duration GRACE = Duration.ofSeconds(15);

    /** Every how many kills of the long run is one of a Surefire fork, which costs a nested Maven. */
    private static final int SUREFIRE_EVERY = 4;

    private static final Path ROOT = Path.of("target", "orphans").toAbsolutePath();

    @Test
    void noProcessOutlivesAKilledTestJvm() throws IOException, InterruptedException {
        long seed = Long.getLong("proctest.orphans.seed", System.nanoTime());
        List<Trial> trials = plan(new Random(seed), Counts.of(0, 100));
        List<Trial.Outcome> outcomes = new ArrayList<>();
        long started = System.nanoTime();
        Path directory = Files.createDirectories(ROOT.resolve("seed-" + seed));
        for (Trial trial : trials) {
            Trial.Outcome outcome = trial.run(directory, GRACE);
            outcomes.add(outcome);
            Files.writeString(directory.resolve("outcomes.txt"), String.format("%s: %d processes, %d left after %d s, last exit after %d ms%n",
                    trial, outcome.seen().size(), outcome.leftAfterFigure().size(), Trial.FIGURE.toSeconds(), outcome.lastExit().toMillis()),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND); // a line per kill, also when a later one fails
            assertThat(outcome.missed()).as("%s, seed %d: processes of the test JVM's tree that do not carry the trial's environment,"
                    + " so the harness could not see them", trial, seed).isEmpty();
            assertThat(outcome.leftAfterGrace()).as("%s, seed %d: processes of the trial still running %d s after the kill of its test"
                    + " JVM (killed now); see %s", trial, seed, GRACE.toSeconds(), directory).isEmpty();
        }
        record(outcomes, seed, Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * The short run: one kill at each moment in a Console Launcher's test JVM, and one in a
     * Surefire fork at a moment drawn; the long run adds {@code extra} kills, each at a moment and
     * a delay drawn, one in {@value #SUREFIRE_EVERY} in a Surefire fork.
     */
    private static List<Trial> plan(Random random, int extra) {
        List<Trial> trials = new ArrayList<>();
        TestJvm console = new ConsoleLauncherJvm();
        TestJvm surefire = new SurefireForkJvm();
        for (Moment moment : Moment.values()) {
            trials.add(trial(trials.size() + 1, console, moment, random));
        }
        trials.add(trial(trials.size() + 1, surefire, Moment.values()[random.nextInt(Moment.values().length)], random));
        for (int i = 0; i < extra; i++) {
            trials.add(trial(trials.size() + 1, i % SUREFIRE_EVERY == 0 ? surefire : console,
                    Moment.values()[random.nextInt(Moment.values().length)], random));
        }
        return trials;
    }

    /** A trial at {@code moment}, or at the one {@code -Dproctest.orphans.moment} names, which repeats a failure's moment in every trial. */
    private static Trial trial(int number, TestJvm jvm, Moment moment, Random random) {
        Moment chosen = Optional.ofNullable(System.getProperty("proctest.orphans.moment")).map(Moment::valueOf).orElse(moment);
        return new Trial(number, jvm, chosen, Duration.ofMillis(random.nextLong(chosen.window().toMillis() + 1)));
    }

    private static void record(List<Trial.Outcome> outcomes, long seed, Duration took) throws IOException {
        int processes = outcomes.stream().mapToInt(outcome -> outcome.seen().size()).sum();
        int left = outcomes.stream().mapToInt(outcome -> outcome.leftAfterFigure().size()).sum();
        List<Duration> exits = outcomes.stream().map(Trial.Outcome::lastExit).sorted().toList();
        Trial.Outcome worst = outcomes.stream().max(Comparator.comparing(Trial.Outcome::lastExit)).orElseThrow();
        long surefire = outcomes.stream().filter(outcome -> outcome.trial().jvm() instanceof SurefireForkJvm).count();
        Figures.record("orphans", String.format("%d SIGKILLs of a test JVM (%d console launcher, %d surefire fork), seed %d:"
                + " processes left %d s after the kill: %d of %d; time from the kill to the last exit (looked at every 10 ms):"
                + " median %d ms, worst %d ms (%s); the run took %d s; load average before it ended: %s",
                outcomes.size(), outcomes.size() - surefire, surefire, seed, Trial.FIGURE.toSeconds(), left, processes,
                exits.get(exits.size() / 2).toMillis(), worst.lastExit().toMillis(), worst.trial(), took.toSeconds(),
                Files.readString(Path.of("/proc/loadavg")).strip()));
    }
}
