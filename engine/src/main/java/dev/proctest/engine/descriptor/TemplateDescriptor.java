package dev.proctest.engine.descriptor;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.Transport;
import dev.proctest.engine.execution.ProcTestExecutionContext;
import dev.proctest.engine.execution.TestClassLevel;
import dev.proctest.engine.params.ArgumentSet;
import dev.proctest.engine.params.ArgumentSources;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apiguardian.api.API;
import org.junit.platform.commons.JUnitException;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * A parameterized or repeated test, expanded when it runs as Jupiter expands its templates: one
 * invocation per argument set of its sources ({@code [1] nodes=3}, unique id {@code
 * [invocation:#1]}), each, or the test itself, repeated ({@code repetition 1 of 3}, {@code
 * [repetition:#1]}). Discovery calls no argument source. Invocations run one after another; once
 * the failures of a repeated run reach its threshold, its remaining repetitions are skipped.
 */
@API(status = INTERNAL, since = "0.4")
public final class TemplateDescriptor extends AbstractTestDescriptor implements Node<ProcTestExecutionContext> {

    public static final String INVOCATION_SEGMENT_TYPE = "invocation";
    public static final String REPETITION_SEGMENT_TYPE = "repetition";

    private final Class<?> testClass;
    private final Method testMethod;
    private final Set<TestTag> tags;
    /** The classes whose instances its invocations run on, outermost first. */
    private final List<TestClassLevel> levels;
    private final Transport transport;
    /** Whether this level expands the argument sources; else it repeats {@link #base}. */
    private final boolean expandsArguments;
    private final Optional<Repetitions> repetitions;
    /** What every invocation below gets from the levels above: transport, arguments. */
    private final TestInvocation base;
    private final DescendantFilter filter;
    private final AtomicInteger failures = new AtomicInteger();

    /** The test of {@code method} in {@code parent}'s class, over TCP. */
    public TemplateDescriptor(UniqueId uniqueId, ClassTestDescriptor parent, Method method, Set<TestTag> ownTags, Expansion expansion) {
        super(uniqueId, DisplayNames.of(method), MethodSource.from(parent.getTestClass(), method));
        this.testClass = parent.getTestClass();
        this.testMethod = method;
        this.tags = ProcessTestDescriptor.withClassTags(ownTags, parent);
        this.levels = parent.levels();
        this.transport = Transport.TCP;
        this.expandsArguments = expansion.parameterized();
        this.repetitions = expansion.repetitions();
        this.base = TestInvocation.of(method);
        this.filter = new DescendantFilter();
    }

    /** The run of {@code parent}'s test over {@code transport}: {@code [tcp]}. */
    public TemplateDescriptor(UniqueId uniqueId, TransportsDescriptor parent, Transport transport) {
        super(uniqueId, "[" + transport.label() + "]", MethodSource.from(parent.testClass(), parent.testMethod()));
        this.testClass = parent.testClass();
        this.testMethod = parent.testMethod();
        this.tags = parent.getTags();
        this.levels = parent.levels();
        this.transport = transport;
        this.expandsArguments = parent.expansion().parameterized();
        this.repetitions = parent.expansion().repetitions();
        this.base = TestInvocation.of(testMethod).over(transport);
        this.filter = new DescendantFilter();
    }

    /** The repetitions of one invocation of {@code parent}, made when it runs. */
    private TemplateDescriptor(UniqueId uniqueId, TemplateDescriptor parent, String displayName, TestInvocation invocation) {
        super(uniqueId, displayName, MethodSource.from(parent.testClass, parent.testMethod));
        this.testClass = parent.testClass;
        this.testMethod = parent.testMethod;
        this.tags = parent.tags;
        this.levels = parent.levels;
        this.transport = parent.transport;
        this.expandsArguments = false;
        this.repetitions = parent.repetitions;
        this.base = invocation;
        this.filter = parent.filter;
    }

    /** Returns which of its invocations run. */
    public DescendantFilter filter() {
        return filter;
    }

    Class<?> testClass() {
        return testClass;
    }

    Method testMethod() {
        return testMethod;
    }

    List<TestClassLevel> levels() {
        return levels;
    }

    Transport transport() {
        return transport;
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }

    @Override
    public boolean mayRegisterTests() {
        return true;
    }

    @Override
    public Set<TestTag> getTags() {
        return tags;
    }

    @Override
    public String getLegacyReportingName() {
        return DisplayNames.legacyReportingName(testMethod) + ClassTestDescriptor.implementationSuffix(this) + base.reportSuffix();
    }

    /** The repetitions of one invocation run in its template's thread, one after another; a template as its class says. */
    @Override
    public ExecutionMode getExecutionMode() {
        return executionMode(this, ClassTestDescriptor.executionModeBelow(getParent()));
    }

    /** Returns the template {@code descriptor} is an invocation of, if it is one. */
    static Optional<TemplateDescriptor> above(TestDescriptor descriptor) {
        return descriptor.getParent().filter(TemplateDescriptor.class::isInstance).map(TemplateDescriptor.class::cast);
    }

    /** Invocations run in their template's thread, one after another, so that a failure can stop the rest. */
    static ExecutionMode executionMode(TestDescriptor descriptor, ExecutionMode otherwise) {
        return above(descriptor).isPresent() ? ExecutionMode.SAME_THREAD : otherwise;
    }

    @Override
    public SkipResult shouldBeSkipped(ProcTestExecutionContext context) {
        SkipResult result = DisabledCondition.evaluate(testMethod);
        if (result.isSkipped()) {
            context.finished(this); // its tests will not run
        }
        return result;
    }

    @Override
    public ProcTestExecutionContext execute(ProcTestExecutionContext context, DynamicTestExecutor executor) throws Exception {
        try {
            if (expandsArguments) {
                expandArguments(context, executor);
            } else {
                repeat(executor);
            }
        } finally {
            context.finished(this);
        }
        return context;
    }

    /** Why the next repetition is skipped, if the failures have reached the threshold: Jupiter's words. */
    Optional<String> thresholdReached() {
        return repetitions.filter(r -> failures.get() >= r.failureThreshold())
                .map(r -> "Failure threshold [" + r.failureThreshold() + "] exceeded");
    }

    void invocationFinished(TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.FAILED) {
            failures.incrementAndGet();
        }
    }

    private void expandArguments(ProcTestExecutionContext context, DynamicTestExecutor executor) throws InterruptedException {
        ConfigurationParameters configuration = context.request().getConfigurationParameters();
        List<ArgumentSet> sets = ArgumentSources.argumentSets(testClass, testMethod, configuration);
        if (sets.isEmpty()) {
            throw new JUnitException("The argument sources of " + testMethod.toGenericString() + " gave no arguments, so the test"
                    + " would not run at all: as in Jupiter, give at least one set of arguments.");
        }
        for (int index = 1; index <= sets.size(); index++) {
            UniqueId uniqueId = getUniqueId().append(INVOCATION_SEGMENT_TYPE, "#" + index);
            if (filter.allows(uniqueId)) {
                String name = ArgumentSources.displayName(index, sets.get(index - 1), testMethod, configuration);
                TestInvocation invocation = base.withArguments(index, sets.get(index - 1).arguments());
                run(repetitions.isPresent() ? new TemplateDescriptor(uniqueId, this, name, invocation)
                        : new ProcessTestDescriptor(uniqueId, this, name, invocation), executor);
            }
        }
    }

    private void repeat(DynamicTestExecutor executor) throws InterruptedException {
        Repetitions repeated = repetitions.orElseThrow();
        for (int current = 1; current <= repeated.count(); current++) {
            UniqueId uniqueId = getUniqueId().append(REPETITION_SEGMENT_TYPE, "#" + current);
            if (filter.allows(uniqueId)) {
                Repetition info = new Repetition(current, repeated.count(), failures::get, repeated.failureThreshold());
                String name = "repetition " + current + " of " + repeated.count();
                run(new ProcessTestDescriptor(uniqueId, this, name, base.withRepetition(info)), executor);
            }
        }
    }

    /** Runs one invocation and waits for it: the next one's skipping depends on how it ended. */
    private void run(TestDescriptor invocation, DynamicTestExecutor executor) throws InterruptedException {
        addChild(invocation);
        executor.execute(invocation);
        executor.awaitFinished();
    }
}
