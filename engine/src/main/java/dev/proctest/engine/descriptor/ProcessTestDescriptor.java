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
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * One {@code @ProcessTest} or {@code @SystemTest} method: a fresh instance of its class (and of
 * each class a {@code @Nested} one is in), the {@code @BeforeEach} methods, the test, then the
 * {@code @AfterEach} methods.
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
    private final boolean repeated;

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
        this.repeated = false;
    }

    /** Creates the descriptor of the run of {@code parent}'s test over {@code transport}: {@code [tcp]}. */
    public ProcessTestDescriptor(UniqueId uniqueId, TransportsDescriptor parent, Transport transport) {
        super(uniqueId, "[" + transport.label() + "]", MethodSource.from(parent.testClass(), parent.testMethod()));
        this.testClass = parent.testClass();
        this.testMethod = parent.testMethod();
        this.tags = parent.getTags();
        this.levels = parent.levels();
        this.transport = transport;
        this.repeated = true;
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

    /** The method, then the implementation and the transport it ran with, if repeated over them: {@code ping()[python][tcp]}. */
    @Override
    public String getLegacyReportingName() {
        String name = DisplayNames.legacyReportingName(testMethod) + ClassTestDescriptor.implementationSuffix(this);
        return repeated ? name + getDisplayName() : name;
    }

    /** Concurrent, unless its class orders its tests. */
    @Override
    public ExecutionMode getExecutionMode() {
        return ClassTestDescriptor.executionModeBelow(getParent());
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
    public ProcTestExecutionContext execute(ProcTestExecutionContext context, DynamicTestExecutor dynamicTestExecutor) {
        try {
            Optional<String> implementation = ClassTestDescriptor.implementationOf(this);
            Scope scope = context.newTestScope(testClass, implementation, testMethod, transport, repeated, this);
            InjectionContext injection = new InjectionContext(this, testClass, Optional.of(testMethod), context.request(), scope);
            new TestMethodExecution(context, injection, levels).run();
        } finally {
            context.finished(this);
        }
        return context;
    }
}
