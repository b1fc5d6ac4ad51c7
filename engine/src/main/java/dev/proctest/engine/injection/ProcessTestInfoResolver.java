package dev.proctest.engine.injection;

import dev.proctest.ProcessTestInfo;
import java.lang.reflect.Parameter;

/** Injects {@link ProcessTestInfo}. */
final class ProcessTestInfoResolver implements ParameterResolver {

    @Override
    public Class<?> type() {
        return ProcessTestInfo.class;
    }

    @Override
    public Object resolve(Parameter parameter, InjectionContext context) {
        return DescriptorTestInfo.of(context);
    }
}
