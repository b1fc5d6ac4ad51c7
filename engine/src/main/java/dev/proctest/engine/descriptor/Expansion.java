package dev.proctest.engine.descriptor;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What a test method expands into when it runs, as Jupiter's templates do: one invocation per
 * argument set of its argument sources, each of them (or the test itself) repeated.
 *
 * @param parameterized whether the method declares argument sources
 * @param repetitions how each run repeats, if it does
 */
@API(status = INTERNAL, since = "0.4")
public record Expansion(boolean parameterized, Optional<Repetitions> repetitions) {

    /** Whether the test runs once, as written: nothing to expand. */
    public boolean isNone() {
        return !parameterized && repetitions.isEmpty();
    }
}
