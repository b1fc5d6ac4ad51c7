package dev.proctest.engine.discovery;

import dev.proctest.Implementations;
import dev.proctest.engine.descriptor.LifecycleMethods;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;

/** Checks that proctest can run a test class: its shape, its constructor and its lifecycle methods. */
final class TestClassValidator {

    private final Issues issues;

    TestClassValidator(Issues issues) {
        this.issues = issues;
    }

    /** Reports every problem of {@code testClass}; returns whether it has none. */
    boolean isValid(Class<?> testClass) {
        ClassSource source = ClassSource.from(testClass);
        String name = testClass.getName();
        int modifiers = testClass.getModifiers();
        boolean valid = true;
        if (Modifier.isPrivate(modifiers)) {
            valid &= issues.error(source, "Test class '%s' must not be private: proctest cannot run its tests. "
                    + "Make it package-private or public.", name);
        }
        boolean nested = AnnotationSupport.isAnnotated(testClass, Nested.class);
        if (testClass.isMemberClass() && !Modifier.isStatic(modifiers) && !nested) {
            valid &= issues.error(source, "Test class '%s' is an inner class without @Nested: proctest runs the tests of "
                    + "top-level, static nested and @Nested inner classes. Annotate it with @Nested to run its tests within "
                    + "its enclosing class, or declare it static.", name);
        } else if (nested && (!testClass.isMemberClass() || Modifier.isStatic(modifiers))) {
            valid &= issues.error(source, "Test class '%s' is annotated with @Nested but is not an inner class: a @Nested "
                    + "class runs its tests within an instance of its enclosing class. Remove 'static', or remove @Nested to "
                    + "run it as a class of its own.", name);
        } else {
            valid &= hasOneInjectableConstructor(testClass, source);
        }
        if (AnnotationSupport.findAnnotation(testClass, TestInstance.class)
                .filter(instance -> instance.value() == TestInstance.Lifecycle.PER_CLASS).isPresent()) {
            valid &= issues.error(source, "Test class '%s' is annotated with @TestInstance(Lifecycle.PER_CLASS): proctest "
                    + "creates a fresh instance of the test class for every test method. Remove the annotation.", name);
        }
        if (nested && AnnotationSupport.isAnnotated(testClass, Implementations.class)) {
            valid &= issues.error(source, "@Nested class '%s' is annotated with @Implementations: a @Nested class runs once "
                    + "within each run of its enclosing class. Move @Implementations to the top-level class.", name);
        }
        valid &= issues.positiveTimeout(testClass, "test class '" + name + "'", source);
        return valid & hasValidLifecycleMethods(testClass);
    }

    private boolean hasOneInjectableConstructor(Class<?> testClass, ClassSource source) {
        Constructor<?>[] constructors = testClass.getDeclaredConstructors();
        if (constructors.length != 1) {
            return issues.error(source, "Test class '%s' declares %d constructors: declare exactly one, so that "
                    + "proctest knows which to call.", testClass.getName(), constructors.length);
        }
        return issues.injectable(constructors[0], "the constructor of test class '" + testClass.getName() + "'", source);
    }

    private boolean hasValidLifecycleMethods(Class<?> testClass) {
        LifecycleMethods lifecycle = LifecycleMethods.of(testClass);
        return isValid(testClass, lifecycle.beforeAll(), "@BeforeAll", true)
                & isValid(testClass, lifecycle.afterAll(), "@AfterAll", true)
                & isValid(testClass, lifecycle.beforeEach(), "@BeforeEach", false)
                & isValid(testClass, lifecycle.afterEach(), "@AfterEach", false);
    }

    private boolean isValid(Class<?> testClass, List<Method> methods, String annotation, boolean classLevel) {
        boolean valid = true;
        for (Method method : methods) {
            MethodSource source = MethodSource.from(testClass, method);
            String what = annotation + " method '" + method.toGenericString() + "'";
            int modifiers = method.getModifiers();
            if (Modifier.isPrivate(modifiers)) {
                valid &= issues.error(source, "%s must not be private: proctest cannot call it. "
                        + "Make it package-private or public.", what);
            }
            if (classLevel && !Modifier.isStatic(modifiers)) {
                valid &= issues.error(source, "%s must be static: proctest creates a fresh instance of the test class "
                        + "for every test method, so there is no instance to call it on.", what);
            }
            if (!classLevel && Modifier.isStatic(modifiers)) {
                valid &= issues.error(source, "%s must not be static: it runs on the instance of each test. "
                        + "Remove 'static', or use %s.", what, annotation.replace("Each", "All"));
            }
            if (method.getReturnType() != void.class) {
                valid &= issues.error(source, "%s must not return a value: proctest would ignore it. Declare it void.", what);
            }
            valid &= issues.injectable(method, what, source) & issues.positiveTimeout(method, what, source);
        }
        return valid;
    }
}
