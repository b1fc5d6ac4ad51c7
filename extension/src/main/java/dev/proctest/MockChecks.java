package dev.proctest;

import dev.proctest.wire.CallRule;
import dev.proctest.wire.RuntimePackages;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** What a {@link JavaChild} checks before it mocks, spies on or stubs a type, so that a bad spec fails where it is written. */
final class MockChecks {

    private MockChecks() {}

    /** Fails unless the child can mock or spy on {@code type} as {@code mode} says. */
    static void checkMockable(Class<?> type, CallRule.Mode mode) {
        String refusal = type.isInterface() ? "it is an interface: mock or spy the class the child creates"
                : type.isArray() || type.isPrimitive() ? "it is not a class the child creates with new"
                : RuntimePackages.isJdk(type.getName()) ? "proctest does not rewrite the JDK's classes"
                : type.getPackageName().equals("dev.proctest") || type.getPackageName().equals("dev.proctest.internal")
                        || RuntimePackages.isRuntime(type.getName()) ? "proctest's own runtime uses it"
                : null;
        if (refusal == null && mode == CallRule.Mode.MOCK && !hasNoArgumentConstructor(type.getSuperclass())) {
            refusal = "its superclass " + type.getSuperclass().getName() + " has no constructor without parameters for the mock to call;"
                    + " spy it instead, or mock a type whose superclass has one";
        }
        if (refusal != null) {
            throw new IllegalArgumentException("Cannot " + mode.name().toLowerCase(Locale.ROOT) + " " + type.getName() + ": "
                    + refusal);
        }
    }

    /** The methods named {@code method} that {@code rule} mocks: instance methods of a mock, static ones of a static mock. */
    static List<Method> mockedMethods(Class<?> type, String method, CallRule rule, String what) {
        if (rule == null || (rule.mode() != CallRule.Mode.MOCK && !rule.mocksStatics())) {
            throw new IllegalArgumentException("Cannot " + what + " " + type.getName() + "." + method + ": mock the type first, with mock("
                    + type.getSimpleName() + ".class) or mockStatic(" + type.getSimpleName() + ".class)");
        }
        return Arrays.stream(type.getDeclaredMethods()).filter(declared -> declared.getName().equals(method))
                .filter(declared -> Modifier.isStatic(declared.getModifiers())
                        ? rule.mocksStatics() : rule.mode() == CallRule.Mode.MOCK)
                .toList();
    }

    /** Fails unless {@code value} can be what each of the {@code named} methods returns. */
    static void checkStub(Class<?> type, String method, List<Method> named, Object value) {
        if (named.isEmpty()) {
            throw new IllegalArgumentException("Cannot stub " + type.getName() + "." + method + ": it declares no mocked method of that"
                    + " name");
        }
        for (Method declared : named) {
            if (!answers(declared.getReturnType(), value)) {
                throw new IllegalArgumentException("Cannot stub " + type.getName() + "." + method + " with " + value + " ("
                        + (value == null ? "null" : value.getClass().getName()) + "): it returns " + declared.getReturnType().getName());
            }
        }
    }

    /** Whether {@code value} can be what a method returning {@code type} returns. */
    private static boolean answers(Class<?> type, Object value) {
        if (type == void.class) {
            return value == null;
        }
        if (value == null) {
            return !type.isPrimitive();
        }
        if (!type.isPrimitive()) {
            return type.isInstance(value);
        }
        return MethodType.methodType(type).wrap().returnType().isInstance(value);
    }

    private static boolean hasNoArgumentConstructor(Class<?> type) {
        return Arrays.stream(type.getDeclaredConstructors())
                .anyMatch(constructor -> constructor.getParameterCount() == 0 && !Modifier.isPrivate(constructor.getModifiers()));
    }
}
