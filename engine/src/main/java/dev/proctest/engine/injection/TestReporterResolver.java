package dev.proctest.engine.injection;

import java.lang.reflect.Parameter;
import org.junit.jupiter.api.TestReporter;

/** Injects Jupiter's {@link TestReporter}, so report entries work as they do in Jupiter tests. */
final class TestReporterResolver implements ParameterResolver {

    @Override
    public Class<?> type() {
        return TestReporter.class;
    }

    @Override
    public Object resolve(Parameter parameter, InjectionContext context) {
        return new DescriptorTestReporter(context.descriptor(), context.request());
    }
}
