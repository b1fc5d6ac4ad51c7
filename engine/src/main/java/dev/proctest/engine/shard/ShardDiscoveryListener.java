package dev.proctest.engine.shard;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.function.Function;
import org.apiguardian.api.API;
import org.junit.platform.launcher.LauncherDiscoveryListener;
import org.junit.platform.launcher.LauncherDiscoveryRequest;

/**
 * Reads {@code proctest.shard} from the configuration parameters of each discovery for {@link
 * ShardFilter}, which the launcher, loading it as a service, does not hand them. Loaded as a
 * service too, and called by the launcher before its engines discover and after it has filtered.
 */
@API(status = INTERNAL, since = "0.4")
public final class ShardDiscoveryListener implements LauncherDiscoveryListener {

    private final Function<String, String> environment;

    /** A listener that reads the CI's variables from the environment of this JVM. */
    public ShardDiscoveryListener() {
        this(System::getenv);
    }

    ShardDiscoveryListener(Function<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public void launcherDiscoveryStarted(LauncherDiscoveryRequest request) {
        CurrentShard.started(ShardSetting.read(request.getConfigurationParameters().get(ShardSetting.KEY), environment));
    }

    @Override
    public void launcherDiscoveryFinished(LauncherDiscoveryRequest request) {
        CurrentShard.finished();
    }
}
