package dev.proctest.engine.discovery;

import dev.proctest.engine.descriptor.ClassTestDescriptor;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.platform.commons.JUnitException;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.discovery.SelectorResolver.Context;

/**
 * Between test classes and the unique ids of the descriptors that hold their tests: a class, the
 * run of a class for an implementation, a {@code @Nested} class below one of those.
 */
final class TestClassIds {

    private TestClassIds() {}

    /**
     * Returns the ids of the descriptors that hold the tests of {@code testClass}: its class
     * descriptor, or each run of it for an implementation; for a {@code @Nested} class, the nested
     * class below each holder of its enclosing class. Empty if the class cannot run.
     */
    static List<UniqueId> holdersOf(Class<?> testClass, Context context) {
        if (IsNestedTestClass.INSTANCE.test(testClass)) {
            return holdersOf(testClass.getEnclosingClass(), context).stream()
                    .map(enclosing -> ClassTestDescriptor.nestedId(enclosing, testClass)).toList();
        }
        return context.resolve(DiscoverySelectors.selectClass(testClass))
                .filter(ClassTestDescriptor.class::isInstance).map(ClassTestDescriptor.class::cast)
                .map(TestClassIds::holders)
                .orElse(List.of());
    }

    private static List<UniqueId> holders(ClassTestDescriptor declared) {
        if (declared.implementations().isEmpty()) {
            return List.of(declared.getUniqueId());
        }
        return declared.implementations().stream().map(name -> ClassTestDescriptor.implementationId(declared.getUniqueId(), name)).toList();
    }

    /** Returns the test class whose tests the descriptor of {@code id} would hold, if its classes still load. */
    static Optional<Class<?>> classOf(UniqueId id) {
        Class<?> current = null;
        for (UniqueId.Segment segment : id.getSegments().subList(1, id.getSegments().size())) {
            String type = segment.getType();
            if (ClassTestDescriptor.SEGMENT_TYPE.equals(type) && current == null) {
                current = ReflectionSupport.tryToLoadClass(segment.getValue()).toOptional().orElse(null);
            } else if (ClassTestDescriptor.NESTED_SEGMENT_TYPE.equals(type) && current != null) {
                current = nestedClass(current, segment.getValue()).orElse(null);
            } else if (!ClassTestDescriptor.IMPLEMENTATION_SEGMENT_TYPE.equals(type) || current == null) {
                return Optional.empty();
            }
            if (current == null) {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(current);
    }

    /** Finds the {@code @Nested} class of {@code enclosing}, declared or inherited, with that simple name. */
    static Optional<Class<?>> nestedClass(Class<?> enclosing, String simpleName) {
        return nestedClasses(enclosing).stream().filter(nested -> nested.getSimpleName().equals(simpleName)).findFirst();
    }

    /** Returns the {@code @Nested} classes of {@code enclosing}, declared or inherited; none if they form a cycle. */
    static List<Class<?>> nestedClasses(Class<?> enclosing) {
        return memberClasses(enclosing, IsNestedTestClass.INSTANCE);
    }

    /** Returns the member classes of {@code enclosing}, declared or inherited, that {@code which} accepts; none if they form a cycle. */
    static List<Class<?>> memberClasses(Class<?> enclosing, Predicate<Class<?>> which) {
        try {
            return ReflectionSupport.findNestedClasses(enclosing, which);
        } catch (JUnitException cycle) { // a @Nested class that extends its enclosing class
            return List.of();
        }
    }
}
