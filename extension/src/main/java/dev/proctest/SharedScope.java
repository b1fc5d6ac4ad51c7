package dev.proctest;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * What a {@link SharedChild} builds its spec with: endpoints that live as long as the run, not as
 * long as a test. Tests learn them from {@link Shared#endpoint(String)}.
 *
 * <p>proctest implements this type; do not implement it yourself.
 *
 * @since 0.4
 */
@API(status = EXPERIMENTAL, since = "0.4")
@NotExtensible
public interface SharedScope {

    /**
     * Returns a free TCP endpoint, {@code tcp://127.0.0.1:<port>}, held until the run ends; the
     * same name gives the same endpoint.
     */
    Endpoint endpoint(String name);
}
