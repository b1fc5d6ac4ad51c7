package dev.proctest.engine.injection;

import dev.proctest.engine.descriptor.ProcessTestDescriptor;
import java.lang.reflect.Parameter;
import java.util.Optional;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.platform.commons.JUnitException;

/** Injects Jupiter's {@link RepetitionInfo} into a repetition of a repeated test and its {@code @BeforeEach}/{@code @AfterEach} methods. */
final class RepetitionInfoResolver implements ParameterResolver {

    @Override
    public Class<?> type() {
        return RepetitionInfo.class;
    }

    @Override
    public Object resolve(Parameter parameter, InjectionContext context) {
        Optional<RepetitionInfo> repetition = context.descriptor() instanceof ProcessTestDescriptor test
                ? test.invocation().repetition() : Optional.empty();
        return repetition.orElseThrow(() -> new JUnitException("Cannot inject parameter [" + parameter + "] of "
                + parameter.getDeclaringExecutable().toGenericString() + ": a RepetitionInfo is known only in a repetition of a test "
                + "annotated @Repeated, or run with proctest.repeat, and '" + context.descriptor().getDisplayName() + "' is none"));
    }
}
