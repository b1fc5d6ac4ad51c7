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
 * Runs one test method the way Jupiter does: a fresh instance, the {@code @BeforeEach} methods
 * until one fails, the test if none failed, and every {@code @AfterEach} method whatever happened;
 * then ends the test's scope, stopping its children. The first failure is the test's; later ones
 * are attached to it as suppressed, and so is a report on what the test's children were doing.
 */
@API(status = INTERNAL, since = "0.1")
public final class TestMethodExecution {

    private static final System.Logger LOG = System.getLogger(TestMethodExecution.class.getName());

    private final ProcTestExecutionContext context;
    private final InjectionContext injection;
    private final List<Method> beforeEach;
    private final List<Method> afterEach;
    /** When the test's own code ended, {@code @AfterEach} methods and the scope's end to come; null until then. */
    private Instant bodyEnded;

    public TestMethodExecution(
            ProcTestExecutionContext context, InjectionContext injection, List<Method> beforeEach, List<Method> afterEach) {
        this.context = context;
        this.injection = injection;
        this.beforeEach = beforeEach;
        this.afterEach = afterEach;
    }

    public void run() {
        Invoker invoker = context.invoker();
        ThrowableCollector collector = context.newThrowableCollector();
        Object[] instance = new Object[1];
        collector.execute(() -> instance[0] = invoker.newTestInstance(injection.testClass(), injection));
        if (collector.isNotEmpty()) {
            endScope(collector);
            collector.assertEmpty();
        }
        for (Method method : beforeEach) {
            collector.execute(() -> invoker.invokeLifecycleMethod(method, instance[0], injection));
            if (collector.isNotEmpty()) {
                break;
            }
        }
        if (collector.isEmpty()) {
            Method testMethod = injection.testMethod().orElseThrow();
            collector.execute(() -> invoker.invokeTestMethod(testMethod, instance[0], injection));
        }
        if (collector.isNotEmpty()) {
            injection.scope().failed(collector.getThrowable()); // at once: children waiting at its barriers see it before @AfterEach
        }
        bodyEnded = Instant.now();
        for (Method method : afterEach) {
            collector.execute(() -> invoker.invokeLifecycleMethod(method, instance[0], injection));
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
