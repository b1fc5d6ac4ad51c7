package dev.proctest.engine.descriptor;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.Transport;
import dev.proctest.engine.execution.ProcTestExecutionContext;
import dev.proctest.engine.execution.TestClassLevel;
import dev.proctest.engine.execution.TestMethodExecution;
import dev.proctest.engine.injection.InjectionContext;
import dev.proctest.engine.scope.Scope;
import java.lang.reflect.Method;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * One {@code @ProcessTest} or {@code @SystemTest} method: a fresh instance of its class (and of
 * each class a {@code @Nested} one is in), the {@code @BeforeEach} methods, the test, then the
 * {@code @AfterEach} methods. Below a {@link TemplateDescriptor} it is one invocation of a
 * parameterized or repeated test, made when that test runs, with its arguments and repetition.
 */
@API(status = INTERNAL, since = "0.1")
public final class ProcessTestDescriptor extends AbstractTestDescriptor implements Node<ProcTestExecutionContext> {

    public static final String SEGMENT_TYPE = "method";
    public static final String TRANSPORT_SEGMENT_TYPE = "transport";

    private final Class<?> testClass;
    private final Method testMethod;
    private final Set<TestTag> tags;
    /** The classes whose instances it runs on, outermost first. */
    private final List<TestClassLevel> levels;
    private final Transport transport;
    private final TestInvocation invocation;

    /**
     * Creates the descriptor of {@code testMethod} run as a test of {@code parent}'s class; the
     * test's tags are its own plus those of the class.
     */
    public ProcessTestDescriptor(UniqueId uniqueId, ClassTestDescriptor parent, Method testMethod, Set<TestTag> ownTags) {
        super(uniqueId, DisplayNames.of(testMethod), MethodSource.from(parent.getTestClass(), testMethod));
        this.testClass = parent.getTestClass();
        this.testMethod = testMethod;
        this.tags = withClassTags(ownTags, parent);
        this.levels = parent.levels();
        this.transport = Transport.TCP;
        this.invocation = TestInvocation.of(testMethod);
    }

    /** Creates the descriptor of the run of {@code parent}'s test over {@code transport}: {@code [tcp]}. */
    public ProcessTestDescriptor(UniqueId uniqueId, TransportsDescriptor parent, Transport transport) {
        super(uniqueId, "[" + transport.label() + "]", MethodSource.from(parent.testClass(), parent.testMethod()));
        this.testClass = parent.testClass();
        this.testMethod = parent.testMethod();
        this.tags = parent.getTags();
        this.levels = parent.levels();
        this.transport = transport;
        this.invocation = TestInvocation.of(testMethod).over(transport);
    }

    /** Creates the descriptor of one invocation of {@code parent}'s test, made when the test runs: {@code [1] nodes=3}. */
    ProcessTestDescriptor(UniqueId uniqueId, TemplateDescriptor parent, String displayName, TestInvocation invocation) {
        super(uniqueId, displayName, MethodSource.from(parent.testClass(), parent.testMethod()));
        this.testClass = parent.testClass();
        this.testMethod = parent.testMethod();
        this.tags = parent.getTags();
        this.levels = parent.levels();
        this.transport = parent.transport();
        this.invocation = invocation;
    }

    /** Returns what this run of the test gets from the repetitions above it. */
    public TestInvocation invocation() {
        return invocation;
    }

    /** Returns a test's tags: its own and its class's. */
    static Set<TestTag> withClassTags(Set<TestTag> own, ClassTestDescriptor parent) {
        Set<TestTag> all = new LinkedHashSet<>(own);
        all.addAll(parent.getTags());
        return Set.copyOf(all);
    }

    /** Returns the transport segment of a unique id: {@code tcp}. */
    public static UniqueId repetitionId(UniqueId parent, Transport transport) {
        return parent.append(TRANSPORT_SEGMENT_TYPE, transport.label());
    }

    /** Returns the method segment of a unique id: {@code name(fully.qualified.ParameterType, ...)}. */
    public static String segmentValue(Method method) {
        StringBuilder value = new StringBuilder(method.getName()).append('(');
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            value.append(i == 0 ? "" : ", ").append(types[i].getName());
        }
        return value.append(')').toString();
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }

    @Override
    public Set<TestTag> getTags() {
        return tags;
    }

    /**
     * The method, then the implementation, the transport, the invocation and the repetition it ran
     * with, where repeated over them: {@code ping()[python][tcp]}, {@code cluster(int)[2]}.
     */
    @Override
    public String getLegacyReportingName() {
        return DisplayNames.legacyReportingName(testMethod) + ClassTestDescriptor.implementationSuffix(this) + invocation.reportSuffix();
    }


    /** Tells the template above, if any, how this invocation ended: its failure threshold counts failures. */
    @Override
    public void nodeFinished(ProcTestExecutionContext context, TestDescriptor descriptor, TestExecutionResult result) {
        TemplateDescriptor.above(this).ifPresent(template -> template.invocationFinished(result));
    }

    /** Concurrent, unless its class orders its tests or it is one invocation of a template. */
    @Override
    public ExecutionMode getExecutionMode() {
        return TemplateDescriptor.executionMode(this, ClassTestDescriptor.executionModeBelow(getParent()));
    }

    @Override
    public SkipResult shouldBeSkipped(ProcTestExecutionContext context) {
        SkipResult result = DisabledCondition.evaluate(testMethod);
        if (!result.isSkipped()) {
            result = TemplateDescriptor.above(this).flatMap(TemplateDescriptor::thresholdReached).map(SkipResult::skip).orElse(result);
        }
        if (result.isSkipped()) {
            context.finished(this); // its tests will not run
        }
        return result;
    }

    @Override
    public ProcTestExecutionContext execute(ProcTestExecutionContext context, DynamicTestExecutor dynamicTestExecutor) {
        try {
            Optional<String> implementation = ClassTestDescriptor.implementationOf(this);
            Scope scope = context.newTestScope(testClass, implementation, invocation.directory(), transport, this);
            InjectionContext injection = new InjectionContext(this, testClass, Optional.of(testMethod), context.request(), scope);
            new TestMethodExecution(context, injection, levels).run(invocation.arguments());
        } finally {
            context.finished(this);
        }
        return context;
    }
}
