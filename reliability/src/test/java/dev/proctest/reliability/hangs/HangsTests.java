package dev.proctest.reliability.hangs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.proctest.Constants;
import dev.proctest.reliability.Counts;
import dev.proctest.reliability.Figures;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Nothing hangs: runs every wait of the fixtures against its misbehaving other side, once in every
 * build and 20 times under the {@code reliability} profile, with the machine loaded, and records
 * the worst overshoot of a deadline per wait and over all.
 */
class HangsTests {

    private static final List<Class<?>> FIXTURES = List.of(ReadinessWaitsTestCase.class, StopWaitsTestCase.class,
            TreeWaitsTestCase.class, PeerWaitsTestCase.class, RemoteWaitsTestCase.class);

    /** Runs only the fixtures whose names contain it, to look at one kind of wait. */
    private static final String ONLY = System.getProperty("proctest.reliability.hangs.only", "");

    /** How many rounds: the count of the build or profile, unless given, to look at a few. */
    private static final int ROUNDS = Integer.getInteger("proctest.reliability.hangs.rounds", Counts.of(1, 20));

    /**
     * The load average above which a machine is judged overloaded: twice its cores, which the
     * suite's own load (a busy thread, a busy process, the children) stays under on its own.
     */
    private static final double OVERLOADED = 2.0 * Runtime.getRuntime().availableProcessors();

    @Test
    void everyWaitEndsWithinASecondOfItsDeadlineUnderLoad() throws Exception {
        int rounds = ROUNDS;
        Overshoots.clear();
        String before = Load.averages();
        List<String> failed = new ArrayList<>();
        long found = 0;
        Load load = Load.start();
        try {
            for (int round = 0; round < rounds; round++) {
                TestExecutionSummary summary = run();
                found += summary.getTestsFoundCount();
                if (!summary.getFailures().isEmpty()) {
                    failed.add("round " + round + ": " + failures(summary));
                }
            }
        } finally {
            load.close();
        }
        String after = Load.averages();
        List<Overshoots.Worst> worst = Overshoots.worstPerWait();
        for (Overshoots.Worst wait : worst) {
            Figures.record("hangs", String.format("%s: worst overshoot %d ms of %d waits (given %d ms, against %s)", wait.name(),
                    wait.worst().overshootMillis(), wait.count(), wait.worst().deadlineMillis(), wait.worst().misbehaviour()));
        }
        Overshoots.Timed overall = worst.stream().map(Overshoots.Worst::worst)
                .max((a, b) -> Long.compare(a.overshootMillis(), b.overshootMillis())).orElseThrow();
        double loadAverage = Math.max(Load.oneMinute(before), Load.oneMinute(after));
        boolean judged = loadAverage <= OVERLOADED;
        Figures.record("hangs", String.format("overall: worst overshoot %d ms (%s against %s) of %d timed waits in %d rounds;"
                + " load averages %s before, %s after, with a busy thread and a busy process; %s", overall.overshootMillis(),
                overall.name(), overall.misbehaviour(), Overshoots.all().size(), rounds, before, after, judged
                        ? "goal " + Deadline.SLACK.toMillis() + " ms" : "not judged by the goal: overloaded beyond " + OVERLOADED));
        assertThat(failed).as("fixture tests that failed").isEmpty();
        assertThat(found).as("fixture tests run").isPositive();
        if (judged) {
            assertThat(overall.overshootMillis()).as("the worst overshoot, at a load of %s", loadAverage)
                    .isLessThanOrEqualTo(Deadline.SLACK.toMillis());
        }
    }

    private static TestExecutionSummary run() {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(FIXTURES.stream().filter(fixture -> fixture.getSimpleName().contains(ONLY)).map(fixture -> selectClass(fixture))
                        .toList())
                .filters(EngineFilter.includeEngines("proctest"))
                // published(key) has no deadline of its own: the scope's await timeout is the one measured
                .configurationParameter(Constants.AWAIT_TIMEOUT, Deadline.D.toMillis() + "ms")
                .build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request, listener);
        return listener.getSummary();
    }

    private static String failures(TestExecutionSummary summary) {
        return summary.getFailures().stream().map(failure -> failure.getTestIdentifier().getDisplayName() + ": "
                + failure.getException()).collect(Collectors.joining("\n"));
    }
}
