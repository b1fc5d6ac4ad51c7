package dev.proctest.engine.injection;

import dev.proctest.Implementation;
import dev.proctest.Implementations;
import dev.proctest.engine.descriptor.ClassTestDescriptor;
import java.lang.reflect.Parameter;
import org.junit.platform.commons.JUnitException;

/** Injects the {@link Implementation} the running run of an {@link Implementations} class tests. */
final class ImplementationResolver implements ParameterResolver {

    @Override
    public Class<?> type() {
        return Implementation.class;
    }

    @Override
    public Object resolve(Parameter parameter, InjectionContext context) {
        return ClassTestDescriptor.implementationOf(context.descriptor()).map(Implementation::new)
                .orElseThrow(() -> new JUnitException("Cannot inject parameter [" + parameter + "] of "
                        + parameter.getDeclaringExecutable().toGenericString() + ": an Implementation is known only in a class annotated"
                        + " @Implementations, such as @Implementations({\"java\", \"python\"}), and " + context.testClass().getName()
                        + " is not"));
    }
}
