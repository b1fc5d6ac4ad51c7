package dev.proctest.engine.descriptor;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.engine.execution.ProcTestExecutionContext;
import dev.proctest.engine.injection.InjectionContext;
import dev.proctest.engine.injection.TempDirFields;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.hierarchical.Node;
import org.junit.platform.engine.support.hierarchical.ThrowableCollector;
import org.opentest4j.TestAbortedException;

/**
 * A test class: runs its {@code @BeforeAll} methods, then its tests, then its {@code @AfterAll}
 * methods, which run even when a {@code @BeforeAll} method failed; then ends the class's scope,
 * stopping the children its class-level lifecycle methods started.
 */
@API(status = INTERNAL, since = "0.1")
public final class ClassTestDescriptor extends AbstractTestDescriptor implements Node<ProcTestExecutionContext> {

    public static final String SEGMENT_TYPE = "class";

    private final Class<?> testClass;
    private final Set<TestTag> tags;
    private final LifecycleMethods lifecycleMethods;

    public ClassTestDescriptor(UniqueId uniqueId, Class<?> testClass, Set<TestTag> tags, LifecycleMethods lifecycleMethods) {
        super(uniqueId, DisplayNames.of(testClass), ClassSource.from(testClass));
        this.testClass = testClass;
        this.tags = Set.copyOf(tags);
        this.lifecycleMethods = lifecycleMethods;
    }

    public Class<?> getTestClass() {
        return testClass;
    }

    LifecycleMethods lifecycleMethods() {
        return lifecycleMethods;
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }

    @Override
    public Set<TestTag> getTags() {
        return tags;
    }

    @Override
    public String getLegacyReportingName() {
        return testClass.getName();
    }

    /** Gives the class a scope of its own, for what its {@code @BeforeAll} methods start. */
    @Override
    public ProcTestExecutionContext prepare(ProcTestExecutionContext context) {
        return context.withClassScope(testClass, this);
    }

    @Override
    public SkipResult shouldBeSkipped(ProcTestExecutionContext context) {
        SkipResult result = DisabledCondition.evaluate(testClass);
        if (result.isSkipped()) {
            context.finished(this); // its tests will not run
        }
        return result;
    }

    @Override
    public ProcTestExecutionContext before(ProcTestExecutionContext context) {
        InjectionContext injection = injectionContext(context);
        ThrowableCollector collector = context.newThrowableCollector();
        collector.execute(() -> TempDirFields.inject(testClass, null, context.classScope()));
        for (Method method : lifecycleMethods.beforeAll()) {
            if (collector.isNotEmpty()) {
                break;
            }
            collector.execute(() -> context.invoker().invokeLifecycleMethod(method, null, injection));
            if (collector.isNotEmpty()) {
                break;
            }
        }
        reportChildrenOnFailure(collector, context);
        collector.assertEmpty();
        return context;
    }

    @Override
    public void after(ProcTestExecutionContext context) {
        context.finished(this); // a test of the class that has not run by now never will
        InjectionContext injection = injectionContext(context);
        ThrowableCollector collector = context.newThrowableCollector();
        for (Method method : lifecycleMethods.afterAll()) {
            collector.execute(() -> context.invoker().invokeLifecycleMethod(method, null, injection));
        }
        reportChildrenOnFailure(collector, context);
        collector.assertEmpty();
    }

    /** Ends the class's scope after its {@code @AfterAll} methods, even if a {@code @BeforeAll} failed. */
    @Override
    public void cleanUp(ProcTestExecutionContext context) {
        context.classScope().close();
    }

    private static void reportChildrenOnFailure(ThrowableCollector collector, ProcTestExecutionContext context) {
        if (collector.isNotEmpty()) {
            context.classScope().failed();
        }
        if (collector.isNotEmpty() && !(collector.getThrowable() instanceof TestAbortedException)) {
            Throwable failure = collector.getThrowable();
            collector.execute(() -> context.classScope().reports().forEach(failure::addSuppressed));
        }
    }

    private InjectionContext injectionContext(ProcTestExecutionContext context) {
        return new InjectionContext(this, testClass, Optional.empty(), context.request(), context.classScope());
    }
}
