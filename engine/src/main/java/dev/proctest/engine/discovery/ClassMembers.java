package dev.proctest.engine.discovery;

import static java.util.stream.Collectors.toCollection;
import static org.junit.platform.commons.support.HierarchyTraversalMode.TOP_DOWN;

import dev.proctest.engine.descriptor.ClassTestDescriptor;
import dev.proctest.engine.descriptor.ProcessTestDescriptor;
import java.lang.reflect.Modifier;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;

/**
 * What selecting a class selects below the descriptor that runs it: its tests, then its {@code
 * @Nested} classes, as Jupiter orders them. Each is selected by its unique id below that
 * descriptor; one that cannot run is selected by its class or method instead, whose resolver says
 * why, so that no "could not be resolved" follows the reason.
 */
final class ClassMembers {

    private static final Issues SILENT = new Issues(issue -> {});
    private static final IsProcessTestClass IS_TEST_CLASS = new IsProcessTestClass();

    private ClassMembers() {}

    static Set<DiscoverySelector> selectors(ClassTestDescriptor holder) {
        Class<?> testClass = holder.getTestClass();
        TestMethodValidator methods = new TestMethodValidator(SILENT);
        TestClassValidator classes = new TestClassValidator(SILENT);
        Stream<DiscoverySelector> tests = ReflectionSupport.streamMethods(testClass, IsProcessTestMethod.INSTANCE, TOP_DOWN)
                .map(method -> methods.isValid(testClass, method) && ExpansionDeclaration.of(testClass, method, 1, SILENT).isPresent()
                        ? DiscoverySelectors.selectUniqueId(holder.getUniqueId().append(ProcessTestDescriptor.SEGMENT_TYPE,
                                ProcessTestDescriptor.segmentValue(method)))
                        : DiscoverySelectors.selectMethod(testClass, method));
        Stream<DiscoverySelector> nested = TestClassIds.memberClasses(testClass, ClassMembers::meantToBeNested).stream()
                .map(nestedClass -> IsNestedTestClass.INSTANCE.test(nestedClass) && classes.isValid(nestedClass)
                        ? DiscoverySelectors.selectUniqueId(ClassTestDescriptor.nestedId(holder.getUniqueId(), nestedClass))
                        : DiscoverySelectors.selectClass(nestedClass));
        return Stream.concat(tests, nested).collect(toCollection(LinkedHashSet::new));
    }

    /** A member class with tests that is {@code @Nested}, or inner and so meant to be: a static {@code @Nested} one is told why not. */
    private static boolean meantToBeNested(Class<?> member) {
        boolean inner = !Modifier.isStatic(member.getModifiers());
        return (inner || AnnotationSupport.isAnnotated(member, Nested.class)) && IS_TEST_CLASS.test(member);
    }
}
