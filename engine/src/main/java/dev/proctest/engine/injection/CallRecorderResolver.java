package dev.proctest.engine.injection;

import dev.proctest.CallRecorder;
import java.lang.reflect.Parameter;

/** Injects the calls recorded by the scope's children, and its class's. */
final class CallRecorderResolver implements ParameterResolver {

    @Override
    public Class<?> type() {
        return CallRecorder.class;
    }

    @Override
    public Object resolve(Parameter parameter, InjectionContext context) {
        return context.scope().calls();
    }
}
