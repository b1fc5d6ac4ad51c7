package dev.proctest.engine.descriptor;

import static java.util.stream.Collectors.joining;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.platform.commons.support.AnnotationSupport;

/** Display names as Jupiter makes them: {@code @DisplayName} if present, else from the code. */
final class DisplayNames {

    private DisplayNames() {}

    /** {@code @DisplayName}, else the class name without its package: {@code Outer$Nested}. */
    static String of(Class<?> testClass) {
        String name = testClass.getName();
        return declared(testClass).orElse(name.substring(name.lastIndexOf('.') + 1));
    }

    /** {@code @DisplayName}, else the simple name of a {@code @Nested} class: {@code Inner}, as Jupiter names it. */
    static String ofNested(Class<?> nestedClass) {
        return declared(nestedClass).orElse(nestedClass.getSimpleName());
    }

    /** {@code @DisplayName}, else the method's name and simple parameter types: {@code ping(ProcessTestInfo)}. */
    static String of(Method method) {
        return declared(method).orElse(method.getName() + "(" + simpleParameterTypes(method) + ")");
    }

    /** The method's name and simple parameter types, as Jupiter reports methods to older tools. */
    static String legacyReportingName(Method method) {
        return method.getName() + "(" + simpleParameterTypes(method) + ")";
    }

    private static String simpleParameterTypes(Method method) {
        return Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName).collect(joining(", "));
    }

    private static java.util.Optional<String> declared(AnnotatedElement element) {
        return AnnotationSupport.findAnnotation(element, DisplayName.class)
                .map(DisplayName::value)
                .filter(value -> !value.isBlank())
                .map(String::strip);
    }
}
