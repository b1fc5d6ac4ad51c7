package dev.proctest;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * A barrier or a mailbox did not do what its caller waited for: the barrier broke (a party exited,
 * the test failed or timed out, someone gave up waiting) or was not passed in time, or a take found
 * no value in time. The message names the barrier or mailbox, who arrived and who is missing.
 *
 * @since 0.4
 */
@API(status = EXPERIMENTAL, since = "0.4")
public class CoordinationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CoordinationException(String message) {
        super(message);
    }

    public CoordinationException(String message, Throwable cause) {
        super(message, cause);
    }
}
