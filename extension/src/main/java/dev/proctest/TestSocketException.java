package dev.proctest;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * A {@link TestSocket} or {@link LineClient} could not do what the test asked: nothing arrived in
 * time, something arrived that should not have, what arrived does not parse, or the socket cannot
 * be used as asked. The message names the socket and its addresses, says what was awaited, shows
 * the bytes received (as hex when they are not text), and the last lines the test's children
 * logged.
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public class TestSocketException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TestSocketException(String message) {
        super(message);
    }

    public TestSocketException(String message, Throwable cause) {
        super(message, cause);
    }
}
