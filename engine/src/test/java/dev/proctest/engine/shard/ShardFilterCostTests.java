package dev.proctest.engine.shard;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestDescriptor;

/** Unset, the filter looks at no descriptor: no unique id is hashed, no child is counted. */
class ShardFilterCostTests {

    @Test
    void unsetTheFilterKeepsADescriptorWithoutLookingAtIt() {
        TestDescriptor untouchable = (TestDescriptor) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {TestDescriptor.class}, (proxy, method, arguments) -> {
                    throw new AssertionError("the filter called " + method.getName());
                });
        assertThat(new ShardFilter(key -> null).apply(untouchable).included()).isTrue();
    }
}
