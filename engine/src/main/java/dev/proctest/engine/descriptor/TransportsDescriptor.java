package dev.proctest.engine.descriptor;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.Transport;
import dev.proctest.engine.execution.ProcTestExecutionContext;
import dev.proctest.engine.execution.TestClassLevel;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * A test annotated {@code @Transports}: a container of one {@link ProcessTestDescriptor} per
 * transport, {@code [tcp]} and {@code [ipc]}. It has the unique id a test of the method would have,
 * so that selecting the method selects every repetition.
 */
@API(status = INTERNAL, since = "0.1")
public final class TransportsDescriptor extends AbstractTestDescriptor implements Node<ProcTestExecutionContext> {

    private final Class<?> testClass;
    private final Method testMethod;
    private final Set<TestTag> tags;
    /** The classes whose instances it runs on, outermost first. */
    private final List<TestClassLevel> levels;
    private final List<Transport> transports;
    private final Expansion expansion;

    public TransportsDescriptor(UniqueId uniqueId, ClassTestDescriptor parent, Method testMethod, Set<TestTag> ownTags,
            List<Transport> transports, Expansion expansion) {
        super(uniqueId, DisplayNames.of(testMethod), MethodSource.from(parent.getTestClass(), testMethod));
        this.testClass = parent.getTestClass();
        this.testMethod = testMethod;
        this.tags = ProcessTestDescriptor.withClassTags(ownTags, parent);
        this.levels = parent.levels();
        this.transports = List.copyOf(transports);
        this.expansion = expansion;
    }

    /** Returns what each transport's run expands into when it runs: invocations, repetitions, or nothing. */
    public Expansion expansion() {
        return expansion;
    }

    /** Returns the transports, in the order the repetitions run. */
    public List<Transport> transports() {
        return transports;
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
        return DisplayNames.legacyReportingName(testMethod) + ClassTestDescriptor.implementationSuffix(this);
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
}
