package dev.proctest;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * A child process did not do what the test needed: it could not start, was not ready in time,
 * exited unexpectedly or would not stop. The message names the child and shows its last output.
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public class ChildProcessException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ChildProcessException(String message) {
        super(message);
    }

    public ChildProcessException(String message, Throwable cause) {
        super(message, cause);
    }
}
