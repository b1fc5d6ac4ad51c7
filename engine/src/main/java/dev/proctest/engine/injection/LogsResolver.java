package dev.proctest.engine.injection;

import dev.proctest.Logs;
import java.lang.reflect.Parameter;

/** Injects the {@link Logs} of the scope's children: a test's own and its class's. */
final class LogsResolver implements ParameterResolver {

    @Override
    public Class<?> type() {
        return Logs.class;
    }

    @Override
    public Object resolve(Parameter parameter, InjectionContext context) {
        return context.scope().logs();
    }
}
