package dev.proctest.engine.execution;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.engine.injection.InjectionContext;
import dev.proctest.engine.injection.ParameterResolvers;
import dev.proctest.engine.injection.TempDirFields;
import dev.proctest.engine.params.ArgumentConversion;
import dev.proctest.engine.support.Throwables;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Optional;
import org.apiguardian.api.API;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Calls user code: test class constructors, lifecycle methods and test methods, with their
 * parameters injected and their {@code @Timeout}s enforced.
 */
@API(status = INTERNAL, since = "0.1")
public final class Invoker {

    private final ParameterResolvers resolvers;
    private final Timeouts timeouts;

    Invoker(ParameterResolvers resolvers, Timeouts timeouts) {
        this.resolvers = resolvers;
        this.timeouts = timeouts;
    }

    /**
     * Creates an instance of the test class through its only constructor; that of a {@code @Nested}
     * class is given {@code enclosing}, the instance of its enclosing class.
     */
    public Object newTestInstance(Class<?> testClass, Object enclosing, InjectionContext context) {
        Constructor<?> constructor = testClass.getDeclaredConstructors()[0];
        Object[] arguments = resolvers.resolveArguments(constructor, context);
        if (ParameterResolvers.takesEnclosingInstance(constructor)) {
            arguments[0] = enclosing;
        }
        try {
            constructor.setAccessible(true);
            Object instance = constructor.newInstance(arguments);
            TempDirFields.inject(testClass, instance, context.scope());
            return instance;
        } catch (InvocationTargetException e) {
            throw Throwables.rethrow(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw Throwables.rethrow(e);
        }
    }

    /** Calls a {@code @BeforeAll}, {@code @BeforeEach}, ... method; only its own {@code @Timeout} applies. */
    public void invokeLifecycleMethod(Method method, Object target, InjectionContext context) {
        invoke(method, target, context, TimeoutSpec.declaredOn(method));
    }

    /**
     * Calls a test method, {@code indexed} (as an argument source gave them) converted into its
     * first parameters, as Jupiter does, the others injected; its {@code @Timeout} applies, else that
     * of its test class, else that of the classes a {@code @Nested} one is in.
     */
    public void invokeTestMethod(Method method, Object target, InjectionContext context, Object[] indexed) {
        Object[] converted = ArgumentConversion.convert(indexed, method);
        Optional<TimeoutSpec> timeout = TimeoutSpec.declaredOn(method);
        for (Class<?> at = context.testClass(); timeout.isEmpty() && at != null; at = enclosingOfNested(at)) {
            timeout = TimeoutSpec.declaredOn(at);
        }
        invoke(method, target, context, timeout, converted);
    }

    private static Class<?> enclosingOfNested(Class<?> testClass) {
        boolean inner = testClass.isMemberClass() && !Modifier.isStatic(testClass.getModifiers());
        return inner ? testClass.getEnclosingClass() : null;
    }

    private void invoke(Method method, Object target, InjectionContext context, Optional<TimeoutSpec> timeout) {
        invoke(method, target, context, timeout, new Object[0]);
    }

    private void invoke(Method method, Object target, InjectionContext context, Optional<TimeoutSpec> timeout, Object[] indexed) {
        Object[] arguments = resolvers.resolveArguments(method, context, indexed);
        Runnable call = () -> ReflectionSupport.invokeMethod(method, target, arguments);
        if (timeout.isPresent()) {
            timeouts.run(call, timeout.get(), describe(method));
        } else {
            call.run();
        }
    }

    private static String describe(Method method) {
        return method.getName() + "()";
    }
}
