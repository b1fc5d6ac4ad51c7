package dev.proctest.engine.injection;

import dev.proctest.Processes;
import java.lang.reflect.Parameter;

/** Injects the {@link Processes} of the scope: the test's, or the class's in class-level lifecycle methods. */
final class ProcessesResolver implements ParameterResolver {

    @Override
    public Class<?> type() {
        return Processes.class;
    }

    @Override
    public Object resolve(Parameter parameter, InjectionContext context) {
        return context.scope().processes();
    }
}
