package dev.proctest.engine.shard;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Optional;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.launcher.PostDiscoveryFilter;

/**
 * Keeps the tests of one shard, {@code proctest.shard=i/n}, of every engine's tests, so that a
 * suite splits over the machines of a CI matrix. Each test without children at discovery (a test,
 * or a test template or factory whose invocations come at execution) is kept or removed by the
 * hash of its unique id (see {@link Shard}); the launcher then prunes containers left empty.
 *
 * <p>Loaded as a service by the launcher. The setting comes from {@link ShardDiscoveryListener};
 * under a launcher that does not load discovery listeners, from the system property. Unset, each
 * descriptor costs one look-up of the setting, and no hash.
 */
@API(status = INTERNAL, since = "0.4")
public final class ShardFilter implements PostDiscoveryFilter {

    private static final FilterResult EVERY_TEST = FilterResult.included("no " + ShardSetting.KEY);

    private final Function<String, String> systemProperties;

    /** A filter that falls back on the system properties of this JVM. */
    public ShardFilter() {
        this(System::getProperty);
    }

    ShardFilter(Function<String, String> systemProperties) {
        this.systemProperties = systemProperties;
    }

    @Override
    public FilterResult apply(TestDescriptor descriptor) {
        ShardSetting setting = CurrentShard.innermost();
        if (setting == null) {
            setting = ShardSetting.read(Optional.ofNullable(systemProperties.apply(ShardSetting.KEY)), System::getenv);
        }
        if (!setting.isSet()) {
            return EVERY_TEST;
        }
        Shard shard = setting.shard();
        if (descriptor.isRoot() || !descriptor.getChildren().isEmpty()) {
            return FilterResult.included("a container, kept while it has tests of shard " + shard);
        }
        return shard.keeps(descriptor.getUniqueId())
                ? FilterResult.included("in shard " + shard)
                : FilterResult.excluded("in another shard than " + shard);
    }
}
