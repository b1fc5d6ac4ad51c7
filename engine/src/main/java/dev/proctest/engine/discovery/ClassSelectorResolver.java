package dev.proctest.engine.discovery;

import static java.util.stream.Collectors.toCollection;
import static org.junit.platform.engine.support.discovery.SelectorResolver.Resolution.unresolved;

import dev.proctest.engine.descriptor.ClassTestDescriptor;
import dev.proctest.engine.descriptor.LifecycleMethods;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/** Resolves class selectors and {@code [class:...]} unique ids into test class descriptors. */
final class ClassSelectorResolver implements SelectorResolver {

    private final IsProcessTestClass isProcessTestClass = new IsProcessTestClass();
    private final Predicate<String> classNameFilter;
    private final Issues issues;
    private final TestClassValidator validator;

    ClassSelectorResolver(Predicate<String> classNameFilter, DiscoveryIssueReporter reporter) {
        this.classNameFilter = classNameFilter;
        this.issues = new Issues(reporter);
        this.validator = new TestClassValidator(issues);
    }

    @Override
    public Resolution resolve(ClassSelector selector, Context context) {
        return resolve(selector.getJavaClass(), context);
    }

    @Override
    public Resolution resolve(UniqueIdSelector selector, Context context) {
        UniqueId.Segment last = selector.getUniqueId().getLastSegment();
        if (!ClassTestDescriptor.SEGMENT_TYPE.equals(last.getType())) {
            return unresolved();
        }
        return ReflectionSupport.tryToLoadClass(last.getValue()).toOptional()
                .map(testClass -> resolve(testClass, context))
                .orElseGet(Resolution::unresolved);
    }

    private Resolution resolve(Class<?> testClass, Context context) {
        if (IsNestedTestClass.INSTANCE.test(testClass)) {
            return unresolved(); // for NestedClassSelectorResolver, which puts it below its enclosing class
        }
        if (!isProcessTestClass.test(testClass) || !classNameFilter.test(testClass.getName()) || !validator.isValid(testClass)) {
            return unresolved();
        }
        Optional<List<String>> implementations = ImplementationsDeclaration.of(testClass, issues);
        if (implementations.isEmpty()) {
            return unresolved();
        }
        return context.addToParent(parent -> Optional.of(newDescriptor(parent, testClass, implementations.get())))
                .map(descriptor -> Resolution.match(Match.exact(descriptor, () -> descriptor.implementations().isEmpty()
                        ? ClassMembers.selectors(descriptor) : implementationSelectors(descriptor))))
                .orElseGet(Resolution::unresolved);
    }

    private ClassTestDescriptor newDescriptor(TestDescriptor parent, Class<?> testClass, List<String> implementations) {
        return new ClassTestDescriptor(
                parent.getUniqueId().append(ClassTestDescriptor.SEGMENT_TYPE, testClass.getName()),
                testClass,
                Tags.declaredOn(testClass, ClassSource.from(testClass), issues),
                LifecycleMethods.of(testClass),
                implementations);
    }

    private static Set<DiscoverySelector> implementationSelectors(ClassTestDescriptor descriptor) {
        return descriptor.implementations().stream()
                .map(name -> DiscoverySelectors.selectUniqueId(ClassTestDescriptor.implementationId(descriptor.getUniqueId(), name)))
                .collect(toCollection(LinkedHashSet::new));
    }
}
