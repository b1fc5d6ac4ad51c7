package dev.proctest.engine.discovery;

import static org.junit.platform.commons.support.HierarchyTraversalMode.TOP_DOWN;

import java.lang.reflect.Modifier;
import java.util.function.Predicate;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Whether a class is meant to hold proctest tests: a concrete, named class with at least one
 * {@code @ProcessTest} or {@code @SystemTest} method, declared or inherited. Classes that look meant
 * but cannot run (private, inner) pass here so that {@link TestClassValidator} can say why.
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
                && !ReflectionSupport.findMethods(candidate, IsProcessTestMethod.INSTANCE, TOP_DOWN).isEmpty();
    }
}
