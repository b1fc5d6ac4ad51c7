package dev.proctest;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * A {@link SharedChild} as one test sees it, from {@link Processes#shared(Class)}: the running
 * child and the endpoints its spec took. While the test uses it, the child's log is in the test's
 * {@link Logs}, its last lines in the test's failure report and its timeline on the test's page;
 * its log file is attached to the test when it ends. The test does not stop it: the run does.
 *
 * <p>proctest implements this type; do not implement it yourself.
 *
 * @since 0.4
 */
@API(status = EXPERIMENTAL, since = "0.4")
@NotExtensible
public interface Shared {

    /**
     * Returns the child. Stopping, killing or pausing it affects every test that uses it after this
     * one: a stopped or killed shared child is not started again in the run, and is not a fault
     * test's to break. It cannot be restarted.
     */
    ChildProcess child();

    /**
     * Returns the endpoint the spec took under {@code name} from {@link SharedScope#endpoint(String)}.
     *
     * @throws IllegalArgumentException if the spec took no endpoint of that name; the message names those it took
     */
    Endpoint endpoint(String name);
}
