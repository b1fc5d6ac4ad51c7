package dev.proctest.engine.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.Constants;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Writes the run's entry in the report's index once the run ends, with every test of every
 * engine and its outcome, and says in one line what ran and where the report is. Service-loaded
 * by the JUnit Platform launcher, as Maven, Gradle and IDEs create it.
 */
@API(status = INTERNAL, since = "0.1")
public final class ReportListener implements TestExecutionListener {

    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private final Map<String, Instant> starts = new ConcurrentHashMap<>();
    private final List<RunSummary.Test> tests = new ArrayList<>();
    private volatile TestPlan plan;
    private volatile Path root;
    private volatile Instant started;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        started = Instant.now();
        root = Path.of(testPlan.getConfigurationParameters().get(Constants.REPORTS_DIR).orElse(Constants.REPORTS_DIR_DEFAULT).strip())
                .toAbsolutePath().normalize();
        RunTally.of(root).takeCounts(); // what an earlier run in this JVM counted is its own
    }

    @Override
    public void executionStarted(TestIdentifier identifier) {
        starts.put(identifier.getUniqueId(), Instant.now());
    }

    @Override
    public void executionSkipped(TestIdentifier identifier, String reason) {
        add(identifier, "skipped", reason);
    }

    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        if (identifier.isTest() || result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
            String outcome = switch (result.getStatus()) {
                case SUCCESSFUL -> "passed";
                case ABORTED -> "aborted";
                case FAILED -> "failed";
            };
            add(identifier, outcome, result.getThrowable().map(Throwable::toString).orElse(null));
        }
    }

    private void add(TestIdentifier identifier, String outcome, String message) {
        Instant start = starts.remove(identifier.getUniqueId());
        long millis = start == null ? 0 : Instant.now().toEpochMilli() - start.toEpochMilli();
        RunTally.Page page = root == null ? null : RunTally.of(root).takePage(identifier.getUniqueId());
        synchronized (tests) {
            tests.add(new RunSummary.Test(identifier.getUniqueId(), path(identifier), owner(identifier), engine(identifier),
                    identifier.isTest(), outcome, millis, message, page));
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (root == null) {
            return;
        }
        List<RunSummary.Test> ran;
        synchronized (tests) {
            ran = List.copyOf(tests);
            tests.clear();
        }
        int[] children = RunTally.of(root).takeCounts();
        if (ran.isEmpty() && children[0] == 0) {
            return; // a run that selected nothing, such as Surefire's under a tag only Failsafe runs, has nothing to show
        }
        RunSummary summary = new RunSummary(RUN_ID.format(started) + "-" + ProcessHandle.current().pid(), started, Instant.now(), ran,
                children[0], children[1]);
        try {
            Path index = RunIndex.add(root, summary.id(), summary.facts(root));
            System.out.println(summary.lines(index));
        } catch (RuntimeException e) { // the report is for reading; its failure fails no test
            System.err.println("proctest could not write its report in " + root + ": " + e.getMessage());
        }
    }

    /** The display names from the test's class down to it: {@code PongProcTests › pong answers}. */
    private List<String> path(TestIdentifier identifier) {
        List<String> names = new ArrayList<>();
        Optional<TestIdentifier> current = Optional.of(identifier);
        while (current.isPresent() && current.get().getParentId().isPresent()) {
            names.add(0, current.get().getDisplayName());
            current = plan.getParent(current.get());
        }
        return names.isEmpty() ? List.of(identifier.getDisplayName()) : names;
    }

    /** The display names from the top down to the test's innermost class (a nested class, an implementation's run), not its method. */
    private String owner(TestIdentifier identifier) {
        List<String> names = new ArrayList<>();
        Optional<TestIdentifier> current = plan.getParent(identifier);
        boolean inClass = false;
        while (current.isPresent() && current.get().getParentId().isPresent()) {
            inClass |= current.get().getSource().filter(ClassSource.class::isInstance).isPresent();
            if (inClass) {
                names.add(0, current.get().getDisplayName());
            }
            current = plan.getParent(current.get());
        }
        return names.isEmpty() ? identifier.getDisplayName() : String.join(" › ", names);
    }

    private static String engine(TestIdentifier identifier) {
        List<UniqueId.Segment> segments = UniqueId.parse(identifier.getUniqueId()).getSegments();
        return segments.isEmpty() ? "" : segments.get(0).getValue();
    }
}
