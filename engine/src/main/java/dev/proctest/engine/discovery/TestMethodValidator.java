package dev.proctest.engine.discovery;

import dev.proctest.ProcessTest;
import dev.proctest.SystemTest;
import dev.proctest.engine.params.ArgumentSources;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestTemplate;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.engine.support.descriptor.MethodSource;

/** Checks that a {@code @ProcessTest} or {@code @SystemTest} method can run as written. */
final class TestMethodValidator {

    /** Annotations that make Jupiter run a method; proctest must not run it a second time. */
    private static final List<Class<? extends Annotation>> JUPITER_TESTS = List.of(Test.class, TestTemplate.class, TestFactory.class);

    private final Issues issues;

    TestMethodValidator(Issues issues) {
        this.issues = issues;
    }

    /** Reports every problem of {@code method} run as a test of {@code testClass}; returns whether it has none. */
    boolean isValid(Class<?> testClass, Method method) {
        MethodSource source = MethodSource.from(testClass, method);
        boolean process = AnnotationSupport.isAnnotated(method, ProcessTest.class);
        boolean system = AnnotationSupport.isAnnotated(method, SystemTest.class);
        String what = (process ? "@ProcessTest" : "@SystemTest") + " method '" + method.toGenericString() + "'";
        int modifiers = method.getModifiers();
        boolean valid = true;
        if (Modifier.isPrivate(modifiers)) {
            valid &= issues.error(source, "%s must not be private: proctest cannot run it. "
                    + "Make it package-private or public.", what);
        }
        if (Modifier.isStatic(modifiers)) {
            valid &= issues.error(source, "%s must not be static: proctest runs each test on a fresh instance of "
                    + "its class. Remove 'static'.", what);
        }
        if (method.getReturnType() != void.class) {
            valid &= issues.error(source, "%s must not return a value: proctest would ignore it. Declare it void.", what);
        }
        Optional<Annotation> jupiter = jupiterTestAnnotation(method);
        if (jupiter.isPresent()) {
            String name = "@" + jupiter.get().annotationType().getSimpleName();
            valid &= issues.error(source, "%s is also annotated with %s, so Jupiter would run it too, without "
                    + "proctest. Remove %s%s.", what, name, name, insteadOf(name));
        }
        if (process && system) {
            issues.warning(source, "%s is annotated with both @ProcessTest and @SystemTest: it runs once, tagged "
                    + "'process' and 'system'. Keep the one that says what the test is.", what);
        }
        boolean parameters = ArgumentSources.declaredOn(method) ? issues.argumentsThenInjected(method, what, source)
                : issues.injectable(method, what, source);
        return valid & parameters & issues.positiveTimeout(method, what, source);
    }

    /** What a proctest test writes instead of Jupiter's template annotations. */
    private static String insteadOf(String jupiterAnnotation) {
        return switch (jupiterAnnotation) {
            case "@ParameterizedTest" -> ": proctest runs a test with argument sources (@ValueSource, @CsvSource, @MethodSource, ...)"
                    + " once per set of arguments by itself";
            case "@RepeatedTest" -> ", and repeat the test with @Repeated(n)";
            default -> "";
        };
    }

    /** The annotation on {@code method} that is, or is composed with, one of Jupiter's test annotations. */
    private static Optional<Annotation> jupiterTestAnnotation(Method method) {
        return Arrays.stream(method.getAnnotations())
                .filter(annotation -> JUPITER_TESTS.stream().anyMatch(jupiter ->
                        annotation.annotationType() == jupiter || AnnotationSupport.isAnnotated(annotation.annotationType(), jupiter)))
                .findFirst();
    }
}
