package dev.proctest.engine.params;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExecutableInvoker;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.JUnitException;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.ConfigurationParameters;

/**
 * The part of an {@link ExtensionContext} that Jupiter's arguments providers read: the test class
 * and method, no test instance (a factory method is static, as each test gets a fresh instance),
 * the run's configuration, and an invoker of factory methods without parameters. A proxy, so that
 * it stays whole whichever JUnit adds methods to the interface; asked anything else, it says what
 * it lacks.
 */
final class ProviderContext {

    private ProviderContext() {}

    static ExtensionContext of(Class<?> testClass, Method method, ConfigurationParameters configuration) {
        ExecutableInvoker invoker = new FactoryInvoker();
        return (ExtensionContext) Proxy.newProxyInstance(ExtensionContext.class.getClassLoader(), new Class<?>[] {ExtensionContext.class},
                (proxy, called, arguments) -> switch (called.getName()) {
                    case "getTestClass" -> Optional.of(testClass);
                    case "getRequiredTestClass" -> testClass;
                    case "getTestMethod", "getElement" -> Optional.of(method);
                    case "getRequiredTestMethod" -> method;
                    case "getTestInstance", "getTestInstances" -> Optional.empty();
                    case "getTestInstanceLifecycle" -> Optional.of(TestInstance.Lifecycle.PER_METHOD);
                    case "getDisplayName" -> method.getName();
                    case "getConfigurationParameter" -> arguments.length == 1 ? configuration.get((String) arguments[0])
                            : configuration.get((String) arguments[0]).map(value -> apply((Function<?, ?>) arguments[1], value));
                    case "getExecutableInvoker" -> invoker;
                    case "toString" -> "argument source context of " + method.toGenericString();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == arguments[0];
                    default -> throw new UnsupportedOperationException("An arguments provider of " + method.toGenericString()
                            + " asked for ExtensionContext." + called.getName() + "(), which proctest does not offer: it gives the"
                            + " test class and method, the configuration and static factory methods without parameters.");
                });
    }

    @SuppressWarnings("unchecked")
    private static Object apply(Function<?, ?> transformer, String value) {
        return ((Function<String, ?>) transformer).apply(value);
    }

    /** Calls factory methods ({@code @MethodSource}, {@code @FieldSource}'s suppliers) that take no parameters. */
    private static final class FactoryInvoker implements ExecutableInvoker {

        @Override
        public Object invoke(Method method, Object target) {
            if (method.getParameterCount() > 0) {
                throw new JUnitException("Factory method " + method.toGenericString() + " takes parameters, which proctest does not"
                        + " inject into argument factories: declare it without parameters.");
            }
            return ReflectionSupport.invokeMethod(method, target);
        }

        @Override
        public <T> T invoke(Constructor<T> constructor, Object outerInstance) {
            throw new JUnitException("proctest does not create argument factories through constructors: " + constructor);
        }
    }
}
