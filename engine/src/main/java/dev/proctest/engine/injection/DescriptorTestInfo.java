package dev.proctest.engine.injection;

import static java.util.stream.Collectors.toUnmodifiableSet;

import dev.proctest.ProcessTestInfo;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.engine.TestTag;

/** A {@link ProcessTestInfo} read off the descriptor that runs. */
record DescriptorTestInfo(String displayName, Set<String> tags, Class<?> testClass, Optional<Method> testMethod)
        implements ProcessTestInfo {

    static DescriptorTestInfo of(InjectionContext context) {
        Set<String> tags = context.descriptor().getTags().stream().map(TestTag::getName).collect(toUnmodifiableSet());
        return new DescriptorTestInfo(
                context.descriptor().getDisplayName(), tags, context.testClass(), context.testMethod());
    }
}
