package dev.proctest.engine.params;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One set of arguments an argument source gave, as it gave them, and its name if it is a named
 * {@code Arguments.argumentSet(name, ...)}.
 */
@API(status = INTERNAL, since = "0.4")
public record ArgumentSet(Optional<String> name, Object[] arguments) {}
