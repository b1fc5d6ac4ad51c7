package dev.proctest.engine.discovery;

import static java.util.stream.Collectors.toCollection;
import static org.junit.platform.engine.support.discovery.SelectorResolver.Resolution.unresolved;

import dev.proctest.engine.descriptor.ClassTestDescriptor;
import dev.proctest.engine.descriptor.ProcessTestDescriptor;
import dev.proctest.engine.descriptor.TransportsDescriptor;
import java.lang.reflect.Method;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.commons.JUnitException;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.discovery.MethodSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/**
 * Resolves method selectors and {@code [method:...]} unique ids into test descriptors under their
 * class's descriptor.
 */
final class MethodSelectorResolver implements SelectorResolver {

    private final Issues issues;
    private final TestMethodValidator validator;

    MethodSelectorResolver(DiscoveryIssueReporter reporter) {
        this.issues = new Issues(reporter);
        this.validator = new TestMethodValidator(issues);
    }

    @Override
    public Resolution resolve(MethodSelector selector, Context context) {
        return resolve(selector.getJavaClass(), selector.getJavaMethod(), context);
    }

    @Override
    public Resolution resolve(UniqueIdSelector selector, Context context) {
        UniqueId uniqueId = selector.getUniqueId();
        UniqueId.Segment method = uniqueId.getLastSegment();
        UniqueId.Segment testClass = uniqueId.removeLastSegment().getLastSegment();
        if (!ProcessTestDescriptor.SEGMENT_TYPE.equals(method.getType())
                || !ClassTestDescriptor.SEGMENT_TYPE.equals(testClass.getType())) {
            return unresolved();
        }
        return ReflectionSupport.tryToLoadClass(testClass.getValue()).toOptional()
                .flatMap(javaClass -> findMethod(javaClass, method.getValue())
                        .map(javaMethod -> resolve(javaClass, javaMethod, context)))
                .orElseGet(Resolution::unresolved);
    }

    private Resolution resolve(Class<?> testClass, Method method, Context context) {
        if (!IsProcessTestMethod.INSTANCE.test(method) || !validator.isValid(testClass, method)) {
            return unresolved();
        }
        return context.addToParent(() -> DiscoverySelectors.selectClass(testClass), parent -> newDescriptor(parent, method))
                .map(descriptor -> Resolution.match(descriptor instanceof TransportsDescriptor repeated
                        ? Match.exact(descriptor, () -> repetitionSelectors(repeated))
                        : Match.exact(descriptor)))
                .orElseGet(Resolution::unresolved);
    }

    private Optional<TestDescriptor> newDescriptor(TestDescriptor parent, Method method) {
        if (!(parent instanceof ClassTestDescriptor classDescriptor)) {
            return Optional.empty();
        }
        UniqueId uniqueId = parent.getUniqueId().append(ProcessTestDescriptor.SEGMENT_TYPE, ProcessTestDescriptor.segmentValue(method));
        MethodSource source = MethodSource.from(classDescriptor.getTestClass(), method);
        Set<TestTag> tags = Tags.declaredOn(method, source, issues);
        return Optional.of(TransportsDeclaration.of(classDescriptor.getTestClass(), method, issues)
                .<TestDescriptor>map(transports -> new TransportsDescriptor(uniqueId, classDescriptor, method, tags, transports))
                .orElseGet(() -> new ProcessTestDescriptor(uniqueId, classDescriptor, method, tags)));
    }

    private static Set<DiscoverySelector> repetitionSelectors(TransportsDescriptor repeated) {
        return repeated.transports().stream()
                .map(transport -> DiscoverySelectors.selectUniqueId(ProcessTestDescriptor.repetitionId(repeated.getUniqueId(), transport)))
                .collect(toCollection(LinkedHashSet::new));
    }

    /** Finds the method a {@code name(parameter, types)} segment names, if its types still load. */
    private static Optional<Method> findMethod(Class<?> testClass, String segment) {
        int open = segment.indexOf('(');
        if (open < 1 || !segment.endsWith(")")) {
            return Optional.empty();
        }
        try {
            return ReflectionSupport.findMethod(testClass, segment.substring(0, open), segment.substring(open + 1, segment.length() - 1));
        } catch (JUnitException e) {
            return Optional.empty();
        }
    }
}
