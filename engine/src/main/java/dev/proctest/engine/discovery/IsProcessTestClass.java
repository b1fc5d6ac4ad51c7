package dev.proctest.engine.discovery;

import static org.junit.platform.commons.support.HierarchyTraversalMode.TOP_DOWN;

import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.platform.commons.JUnitException;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Whether a class is meant to hold proctest tests: a concrete, named class with at least one
 * {@code @ProcessTest} or {@code @SystemTest} method, declared or inherited, or with a {@code
 * @Nested} class that holds one. Classes that look meant but cannot run (private, inner without
 * {@code @Nested}) pass here so that {@link TestClassValidator} can say why.
 */
final class IsProcessTestClass implements Predicate<Class<?>> {

    @Override
    public boolean test(Class<?> candidate) {
        return !candidate.isAnonymousClass()
                && !candidate.isLocalClass()
                && !candidate.isSynthetic()
                && !candidate.isInterface()
                && !candidate.isAnnotation()
                && !candidate.isEnum()
                && !Modifier.isAbstract(candidate.getModifiers())
                && hasTests(candidate, new HashSet<>());
    }

    private static boolean hasTests(Class<?> candidate, Set<Class<?>> seen) {
        if (!seen.add(candidate)) {
            return false; // a nested class that extends its enclosing class holds itself
        }
        if (!ReflectionSupport.findMethods(candidate, IsProcessTestMethod.INSTANCE, TOP_DOWN).isEmpty()) {
            return true;
        }
        try {
            return ReflectionSupport.findNestedClasses(candidate, IsNestedTestClass.INSTANCE).stream()
                    .anyMatch(nested -> hasTests(nested, seen));
        } catch (JUnitException cycle) {
            return false;
        }
    }
}
