package dev.proctest.engine.faults;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.ChildProcessException;
import org.apiguardian.api.API;

/**
 * A call into proctest looks here first, and a wait at every wake: it fails with what the
 * children in view threw or logged that their test has not been told of yet.
 */
@API(status = INTERNAL, since = "0.3")
@FunctionalInterface
public interface FaultCheck {

    /** A check that finds nothing: for children outside a scope. */
    FaultCheck NONE = () -> { };

    /**
     * Returns if no child in view has a fault not yet reported; else reports them.
     *
     * @throws ChildProcessException for the first fault found, the others suppressed
     */
    void check();
}
