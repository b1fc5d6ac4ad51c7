package dev.proctest.engine.discovery;

import dev.proctest.ProcessTest;
import dev.proctest.SystemTest;
import java.lang.reflect.Method;
import java.util.function.Predicate;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Whether a method is annotated, directly or through a composed annotation, with {@code
 * @ProcessTest} or {@code @SystemTest}; whether it is a valid test is for {@link TestMethodValidator}.
 */
final class IsProcessTestMethod implements Predicate<Method> {

    static final IsProcessTestMethod INSTANCE = new IsProcessTestMethod();

    @Override
    public boolean test(Method method) {
        return AnnotationSupport.isAnnotated(method, ProcessTest.class) || AnnotationSupport.isAnnotated(method, SystemTest.class);
    }
}
