package dev.proctest.engine.descriptor;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.engine.execution.ProcTestExecutionContext;
import dev.proctest.engine.execution.TestClassLevel;
import dev.proctest.engine.injection.InjectionContext;
import dev.proctest.engine.injection.TempDirFields;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import org.junit.platform.engine.TestDescriptor;
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
 * stopping the children its class-level lifecycle methods started. A class with {@code
 * @Implementations} is a container of one such run per implementation, {@code [python]}, each a
 * descriptor of this type of its own, and runs no lifecycle method itself. A {@code @Nested} class
 * is one too, below the descriptor that runs its enclosing class.
 */
@API(status = INTERNAL, since = "0.1")
public final class ClassTestDescriptor extends AbstractTestDescriptor implements Node<ProcTestExecutionContext> {

    public static final String SEGMENT_TYPE = "class";
    public static final String IMPLEMENTATION_SEGMENT_TYPE = "implementation";
    public static final String NESTED_SEGMENT_TYPE = "nested-class";

    private final Class<?> testClass;
    private final Set<TestTag> tags;
    private final LifecycleMethods lifecycleMethods;
    /** The implementations it runs once each, below it; empty for a class that runs itself. */
    private final List<String> implementations;
    /** The implementation this run of the class tests, if it is one. */
    private final Optional<String> implementation;
    /** The descriptor of the class a {@code @Nested} class is nested in; null for any other. */
    private final ClassTestDescriptor enclosing;
    /** How its tests and nested classes run: one after another once their order is fixed by a {@code @TestMethodOrder}. */
    private volatile ExecutionMode childExecutionMode = ExecutionMode.CONCURRENT;

    /** @param implementations those its {@code @Implementations} lists, or none */
    public ClassTestDescriptor(UniqueId uniqueId, Class<?> testClass, Set<TestTag> tags, LifecycleMethods lifecycleMethods,
            List<String> implementations) {
        super(uniqueId, DisplayNames.of(testClass), ClassSource.from(testClass));
        this.testClass = testClass;
        this.tags = Set.copyOf(tags);
        this.lifecycleMethods = lifecycleMethods;
        this.implementations = List.copyOf(implementations);
        this.implementation = Optional.empty();
        this.enclosing = null;
    }

    /**
     * The {@code @Nested} class {@code nestedClass} below {@code enclosing}: {@code
     * [nested-class:Inner]}, tagged with its own tags and its enclosing class's.
     */
    public ClassTestDescriptor(ClassTestDescriptor enclosing, Class<?> nestedClass, Set<TestTag> ownTags,
            LifecycleMethods lifecycleMethods) {
        super(nestedId(enclosing.getUniqueId(), nestedClass), DisplayNames.ofNested(nestedClass), ClassSource.from(nestedClass));
        this.testClass = nestedClass;
        this.tags = ProcessTestDescriptor.withClassTags(ownTags, enclosing);
        this.lifecycleMethods = lifecycleMethods;
        this.implementations = List.of();
        this.implementation = Optional.empty();
        this.enclosing = enclosing;
    }

    /** The run of {@code parent}'s class for {@code implementation}: {@code [python]}. */
    public ClassTestDescriptor(ClassTestDescriptor parent, String implementation) {
        super(implementationId(parent.getUniqueId(), implementation), "[" + implementation + "]", ClassSource.from(parent.testClass));
        this.testClass = parent.testClass;
        this.tags = parent.tags;
        this.lifecycleMethods = parent.lifecycleMethods;
        this.implementations = List.of();
        this.implementation = Optional.of(implementation);
        this.enclosing = null;
    }

    /** Returns the unique id of {@code nestedClass} nested in the class of {@code enclosingId}, named as Jupiter names it. */
    public static UniqueId nestedId(UniqueId enclosingId, Class<?> nestedClass) {
        return enclosingId.append(NESTED_SEGMENT_TYPE, nestedClass.getSimpleName());
    }

    /** Returns the unique id of the run of a class for {@code implementation}. */
    public static UniqueId implementationId(UniqueId classId, String implementation) {
        return classId.append(IMPLEMENTATION_SEGMENT_TYPE, implementation);
    }

    /** Returns the implementations this class runs once each, below it; empty if it runs its tests itself. */
    public List<String> implementations() {
        return implementations;
    }

    /** Returns what a report name adds for the implementation {@code descriptor} runs under: {@code [python]}, or nothing. */
    static String implementationSuffix(TestDescriptor descriptor) {
        return implementationOf(descriptor).map(name -> "[" + name + "]").orElse("");
    }

    /** Returns the implementation of the nearest run of a class at or above {@code descriptor}, if there is one. */
    public static Optional<String> implementationOf(TestDescriptor descriptor) {
        for (TestDescriptor at = descriptor; at != null; at = at.getParent().orElse(null)) {
            if (at instanceof ClassTestDescriptor run && run.implementation.isPresent()) {
                return run.implementation;
            }
        }
        return Optional.empty();
    }

    public Class<?> getTestClass() {
        return testClass;
    }

    LifecycleMethods lifecycleMethods() {
        return lifecycleMethods;
    }

    /** The classes whose instances a test of this class runs on, outermost first, each with its {@code @BeforeEach}/{@code @AfterEach}. */
    List<TestClassLevel> levels() {
        List<TestClassLevel> levels = enclosing == null ? new ArrayList<>() : new ArrayList<>(enclosing.levels());
        levels.add(new TestClassLevel(testClass, lifecycleMethods.beforeEach(), lifecycleMethods.afterEach()));
        return levels;
    }

    /** Makes its tests and nested classes run as {@code mode} says: {@code SAME_THREAD} keeps them in their order. */
    public void runChildren(ExecutionMode mode) {
        childExecutionMode = mode;
    }

    /** Returns how a test or nested class below {@code parent} runs. */
    static ExecutionMode executionModeBelow(Optional<TestDescriptor> parent) {
        return parent.filter(ClassTestDescriptor.class::isInstance).map(p -> ((ClassTestDescriptor) p).childExecutionMode)
                .orElse(ExecutionMode.CONCURRENT);
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
        return testClass.getName() + implementationSuffix(this);
    }

    /**
     * The runs of a class for its implementations go one after another, also when tests run in
     * parallel: each run's {@code @BeforeAll} sets up what its tests share, often in static fields.
     * A nested class of a class with ordered tests runs after them.
     */
    @Override
    public ExecutionMode getExecutionMode() {
        return implementation.isPresent() ? ExecutionMode.SAME_THREAD : executionModeBelow(getParent());
    }

    /**
     * Gives the class a scope of its own, for what its {@code @BeforeAll} methods start; a nested
     * class's is below its enclosing class's, whose children stay in view and alive.
     */
    @Override
    public ProcTestExecutionContext prepare(ProcTestExecutionContext context) {
        return runsItself() ? context.withClassScope(testClass, implementation, this) : context;
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
        if (!runsItself()) {
            return context;
        }
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
        if (!runsItself()) {
            return;
        }
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
        if (runsItself()) {
            context.classScope().close();
        }
    }

    /** Whether it runs the class's lifecycle and tests itself, rather than once per implementation below it. */
    private boolean runsItself() {
        return implementations.isEmpty();
    }

    private static void reportChildrenOnFailure(ThrowableCollector collector, ProcTestExecutionContext context) {
        if (collector.isNotEmpty()) {
            context.classScope().failed(collector.getThrowable());
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
