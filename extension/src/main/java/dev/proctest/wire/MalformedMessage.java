package dev.proctest.wire;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/** A message, or a part of one, that does not decode: what was wrong, and where. */
@API(status = INTERNAL, since = "0.1")
public final class MalformedMessage extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MalformedMessage(String message) {
        super(message);
    }

    public MalformedMessage(String message, Throwable cause) {
        super(message, cause);
    }
}
