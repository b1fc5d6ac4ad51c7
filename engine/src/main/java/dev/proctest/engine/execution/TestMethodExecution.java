package dev.proctest.engine.execution;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.engine.injection.InjectionContext;
import dev.proctest.engine.report.PageReport;
import dev.proctest.engine.report.TestPage;
import dev.proctest.engine.scope.ScopeFacts;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.hierarchical.ThrowableCollector;
import org.opentest4j.TestAbortedException;

/**
 * Runs one test method the way Jupiter does: a fresh instance (for a {@code @Nested} class's test,
 * one of each enclosing class too, outermost first), the {@code @BeforeEach} methods, outermost
 * class's first, until one fails, the test if none failed, and every {@code @AfterEach} method,
 * innermost class's first, whatever happened;
 * then ends the test's scope, stopping its children. The first failure is the test's; later ones
 * are attached to it as suppressed, and so is a report on what the test's children were doing.
 */
@API(status = INTERNAL, since = "0.1")
public final class TestMethodExecution {

    private static final System.Logger LOG = System.getLogger(TestMethodExecution.class.getName());

    private final ProcTestExecutionContext context;
    private final InjectionContext injection;
    /** The classes whose instances the test runs on, outermost first. */
    private final List<TestClassLevel> levels;
    /** When the test's own code ended, {@code @AfterEach} methods and the scope's end to come; null until then. */
    private Instant bodyEnded;

    public TestMethodExecution(ProcTestExecutionContext context, InjectionContext injection, List<TestClassLevel> levels) {
        this.context = context;
        this.injection = injection;
        this.levels = List.copyOf(levels);
    }

    /**
     * Runs the test with {@code arguments} for its first parameters, as its argument sources gave
     * them (converted to the parameters' types), the other parameters injected; closes the
     * arguments that are {@link AutoCloseable} once it has run, as Jupiter does.
     */
    public void run(Object[] arguments) {
        Invoker invoker = context.invoker();
        ThrowableCollector collector = context.newThrowableCollector();
        Object[] instances = new Object[levels.size()];
        for (int i = 0; i < levels.size(); i++) { // a @Nested class's instance is made with its enclosing class's
            int level = i;
            collector.execute(() -> instances[level] = invoker.newTestInstance(levels.get(level).testClass(),
                    level == 0 ? null : instances[level - 1], injection));
            if (collector.isNotEmpty()) {
                endScope(collector);
                collector.assertEmpty();
            }
        }
        for (int level = 0; level < levels.size() && collector.isEmpty(); level++) {
            for (Method method : levels.get(level).beforeEach()) {
                Object instance = instances[level];
                collector.execute(() -> invoker.invokeLifecycleMethod(method, instance, injection));
                if (collector.isNotEmpty()) {
                    break;
                }
            }
        }
        if (collector.isEmpty()) {
            Method testMethod = injection.testMethod().orElseThrow();
            Object instance = instances[levels.size() - 1];
            collector.execute(() -> invoker.invokeTestMethod(testMethod, instance, injection, arguments));
        }
        for (Object argument : arguments) {
            if (argument instanceof AutoCloseable closeable) {
                collector.execute(closeable::close);
            }
        }
        if (collector.isNotEmpty()) {
            injection.scope().failed(collector.getThrowable()); // at once: children waiting at its barriers see it before @AfterEach
        }
        bodyEnded = Instant.now();
        for (int level = levels.size() - 1; level >= 0; level--) {
            for (Method method : levels.get(level).afterEach()) {
                Object instance = instances[level];
                collector.execute(() -> invoker.invokeLifecycleMethod(method, instance, injection));
            }
        }
        if (collector.isNotEmpty()) {
            injection.scope().failed(collector.getThrowable());
        }
        if (collector.isNotEmpty() && !(collector.getThrowable() instanceof TestAbortedException)) {
            Throwable failure = collector.getThrowable();
            collector.execute(() -> injection.scope().reports().forEach(failure::addSuppressed)); // before the children are stopped
            failure.addSuppressed(new PageReport(TestPage.file(injection.scope().facts().logDirectory())));
        }
        endScope(collector);
        collector.assertEmpty();
    }

    /** Ends the test's scope, then writes the test's page, which a failure to write fails not. */
    private void endScope(ThrowableCollector collector) {
        ScopeFacts facts = injection.scope().facts(); // before the scope lets go of its children
        List<String> faults = facts.faultsInForce(); // before its links close
        Instant closing = Instant.now();
        collector.execute(injection.scope()::close);
        TestDescriptor test = injection.descriptor();
        try {
            TestPage.write(context.reportsDir(), new TestPage.Test(test.getUniqueId().toString(), owner(test), test.getDisplayName(),
                    facts.started(), bodyEnded == null ? closing : bodyEnded, closing), facts.page(faults), collector.getThrowable());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "proctest could not write the report page of " + test.getUniqueId() + ": " + e);
        }
    }

    /** The display names above the test, its engine's left out: its class, nested classes, its transport. */
    private static String owner(TestDescriptor test) {
        List<String> names = new ArrayList<>();
        for (TestDescriptor parent = test.getParent().orElse(null); parent != null && parent.getParent().isPresent();
                parent = parent.getParent().orElse(null)) {
            names.add(0, parent.getDisplayName());
        }
        return String.join(" › ", names);
    }
}
