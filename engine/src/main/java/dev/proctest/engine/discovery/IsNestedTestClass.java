package dev.proctest.engine.discovery;

import java.lang.reflect.Modifier;
import java.util.function.Predicate;
import org.junit.jupiter.api.Nested;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Whether a class is a Jupiter {@code @Nested} class: an inner (non-static) member class annotated
 * with {@code @Nested}, whose tests run within an instance of its enclosing class. A private one
 * passes here so that {@link TestClassValidator} can say why it cannot run.
 */
final class IsNestedTestClass implements Predicate<Class<?>> {

    static final IsNestedTestClass INSTANCE = new IsNestedTestClass();

    @Override
    public boolean test(Class<?> candidate) {
        return candidate.isMemberClass()
                && !Modifier.isStatic(candidate.getModifiers())
                && !Modifier.isAbstract(candidate.getModifiers())
                && AnnotationSupport.isAnnotated(candidate, Nested.class);
    }
}
