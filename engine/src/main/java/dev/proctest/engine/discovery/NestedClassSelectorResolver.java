package dev.proctest.engine.discovery;

import static java.util.stream.Collectors.toCollection;
import static org.junit.platform.engine.support.discovery.SelectorResolver.Resolution.unresolved;

import dev.proctest.engine.descriptor.ClassTestDescriptor;
import dev.proctest.engine.descriptor.LifecycleMethods;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.discovery.NestedClassSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/**
 * Resolves {@code @Nested} classes, by class selector or {@code [nested-class:Inner]} unique id,
 * into descriptors below each descriptor that runs their enclosing class: the class, or each of
 * its runs for an implementation.
 */
final class NestedClassSelectorResolver implements SelectorResolver {

    private final IsProcessTestClass isProcessTestClass = new IsProcessTestClass();
    private final Issues issues;
    private final TestClassValidator validator;

    NestedClassSelectorResolver(DiscoveryIssueReporter reporter) {
        this.issues = new Issues(reporter);
        this.validator = new TestClassValidator(issues);
    }

    @Override
    public Resolution resolve(ClassSelector selector, Context context) {
        return resolve(selector.getJavaClass(), context);
    }

    @Override
    public Resolution resolve(NestedClassSelector selector, Context context) {
        return resolve(selector.getNestedClass(), context);
    }

    @Override
    public Resolution resolve(UniqueIdSelector selector, Context context) {
        UniqueId uniqueId = selector.getUniqueId();
        UniqueId.Segment last = uniqueId.getLastSegment();
        if (!ClassTestDescriptor.NESTED_SEGMENT_TYPE.equals(last.getType())) {
            return unresolved();
        }
        return context.addToParent(() -> DiscoverySelectors.selectUniqueId(uniqueId.removeLastSegment()),
                        parent -> newDescriptor(parent, last.getValue()))
                .map(nested -> Resolution.match(Match.exact(nested, () -> ClassMembers.selectors(nested))))
                .orElseGet(Resolution::unresolved);
    }

    /** Selects the nested class below each descriptor that runs its enclosing class. */
    private Resolution resolve(Class<?> nestedClass, Context context) {
        if (!IsNestedTestClass.INSTANCE.test(nestedClass) || !isProcessTestClass.test(nestedClass) || !validator.isValid(nestedClass)) {
            return unresolved();
        }
        Set<DiscoverySelector> selectors = TestClassIds.holdersOf(nestedClass, context).stream()
                .map(DiscoverySelectors::selectUniqueId).collect(toCollection(LinkedHashSet::new));
        return selectors.isEmpty() ? unresolved() : Resolution.selectors(selectors);
    }

    private Optional<ClassTestDescriptor> newDescriptor(TestDescriptor parent, String simpleName) {
        if (!(parent instanceof ClassTestDescriptor enclosing) || !enclosing.implementations().isEmpty()) {
            return Optional.empty();
        }
        return TestClassIds.nestedClass(enclosing.getTestClass(), simpleName)
                .filter(nestedClass -> isProcessTestClass.test(nestedClass) && validator.isValid(nestedClass))
                .map(nestedClass -> new ClassTestDescriptor(enclosing, nestedClass,
                        Tags.declaredOn(nestedClass, ClassSource.from(nestedClass), issues), LifecycleMethods.of(nestedClass)));
    }
}
