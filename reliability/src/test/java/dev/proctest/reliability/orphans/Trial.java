package dev.proctest.reliability.orphans;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * One kill: starts a test JVM that runs {@link KillFixtureTestCase}, waits for the mark of the
 * trial's moment, waits the trial's delay, kills the test JVM with {@code SIGKILL}, and watches its
 * processes end. Whatever still runs when the watch ends is killed, so that the suite itself never
 * leaves a process behind.
 *
 * @param number the trial's number in its run, for its directory and the failure messages
 * @param delay how long after the moment's mark the test JVM is killed
 */
record Trial(int number, TestJvm jvm, Moment moment, Duration delay) {

    /** The figure's deadline: processes still running this long after the kill count as left. */
    static final Duration FIGURE = Duration.ofSeconds(2);

    /** How long the fixture may take to reach its mark: a test JVM and four children starting on a loaded machine. */
    private static final Duration MARK_TIMEOUT = Duration.ofSeconds(90);

    /** The pause between two looks at the trial's processes, which bounds how exact the time to the last exit is. */
    private static final long LOOK_MILLIS = 10;

    /**
     * What a trial saw.
     *
     * @param seen the processes of the trial that ran at the kill or after it
     * @param leftAfterFigure the processes that still ran {@link #FIGURE} after the kill
     * @param leftAfterGrace the processes that still ran at the end of the grace, and were then killed, with their command lines
     * @param lastExit when after the kill no process of the trial ran any more, looked at every 10 ms; the grace if some did
     * @param missed processes of the test JVM's tree, as the fixture listed them at its mark, that the look by environment did not find
     */
    record Outcome(Trial trial, Set<Long> seen, Set<Long> leftAfterFigure, Map<Long, String> leftAfterGrace, Duration lastExit, Set<Long> missed) {}

    /** Runs the trial in a directory of its own under {@code root}; watches for at most {@code grace} after the kill. */
    Outcome run(Path root, Duration grace) throws IOException, InterruptedException {
        Path directory = Files.createDirectories(root.resolve("trial-" + number));
        String id = UUID.randomUUID().toString();
        TrialProcesses processes = new TrialProcesses(id);
        Path marks = directory.resolve("marks.txt");
        Process started = jvm.start(directory, Map.of(Marks.TRIAL, id, Marks.FILE, marks.toString(), Marks.MOMENT, moment.name()),
                moment.needsCoverage());
        Set<Long> seen = new TreeSet<>();
        try {
            Optional<Marks.Mark> mark = Marks.await(marks, moment.mark(), MARK_TIMEOUT, started::isAlive);
            if (mark.isEmpty()) {
                throw new AssertionError(this + ": the fixture never reached its mark '" + moment.mark() + "' within "
                        + MARK_TIMEOUT.toSeconds() + " s; marks: " + Marks.all(marks) + "; see " + directory);
            }
            if (moment == Moment.FORKING
                    && processes.awaitCommandLine("sleep " + KillFixtureTestCase.SHELL_SLEEP + " &", MARK_TIMEOUT).isEmpty()) {
                throw new AssertionError(this + ": the fixture's shell never started; see " + directory);
            }
            long markSeen = System.nanoTime();
            Set<Long> missed = new TreeSet<>(mark.get().descendants());
            if (moment != Moment.FORKING) { // a look before the kill: does every descendant have the trial's environment?
                missed.removeAll(processes.running());
                missed.removeIf(pid -> ProcessHandle.of(pid).map(process -> !process.isAlive()).orElse(true));
            }
            long wait = delay.toNanos() - (System.nanoTime() - markSeen);
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait); // the fault is the kill at this moment: the delay is what the trial varies
            }
            ProcessHandle testJvm = ProcessHandle.of(mark.get().testJvm()).orElseThrow(() -> new AssertionError(this
                    + ": the test JVM ended by itself before the kill; see " + directory));
            testJvm.destroyForcibly();
            long killed = System.nanoTime();
            seen.add(testJvm.pid());
            return watch(processes, killed, grace, seen, missed);
        } finally {
            processes.kill(processes.running());
            started.descendants().forEach(ProcessHandle::destroyForcibly);
            started.destroyForcibly();
            started.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private Outcome watch(TrialProcesses processes, long killed, Duration grace, Set<Long> seen, Set<Long> missed)
            throws InterruptedException {
        Set<Long> leftAfterFigure = null;
        while (true) {
            Set<Long> running = processes.running();
            seen.addAll(running);
            Duration since = Duration.ofNanos(System.nanoTime() - killed);
            if (leftAfterFigure == null && since.compareTo(FIGURE) >= 0) {
                leftAfterFigure = running;
            }
            if (running.isEmpty()) {
                return new Outcome(this, seen, leftAfterFigure == null ? Set.of() : leftAfterFigure, Map.of(), since, missed);
            }
            if (since.compareTo(grace) >= 0) {
                Map<Long, String> left = processes.commandLines(running);
                processes.kill(running);
                return new Outcome(this, seen, leftAfterFigure, left, since, missed);
            }
            Thread.sleep(LOOK_MILLIS); // the pause between looks at /proc, within the grace
        }
    }

    @Override
    public String toString() {
        return "trial " + number + " (" + jvm.name() + ", killed " + delay.toMillis() + " ms after "
                + (moment == Moment.FORKING ? "the shell started" : "'" + moment.mark() + "'") + ")";
    }
}
