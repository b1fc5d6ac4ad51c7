package dev.proctest.engine.support;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
/** Rethrows checked exceptions from user code unchanged, so reports show what the code threw. */
@API(status = INTERNAL, since = "0.1")
public final class Throwables {

    private Throwables() {}

    /**
     * Throws {@code t} as it is, checked or not. Declared to return an exception so callers can
     * write {@code throw Throwables.rethrow(t)} and the compiler sees the branch end.
     */
    public static RuntimeException rethrow(Throwable t) {
        throw Throwables.<RuntimeException>sneaky(t);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T sneaky(Throwable t) throws T {
        throw (T) t;
    }
}
