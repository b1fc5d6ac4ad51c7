package dev.proctest.engine.logs;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * Whose logs a view shows, for its marks: a scope (a test, or a class), and the scopes it is
 * nested in. A view accepts a mark made in a scope it is nested in, or nested in it: a test's
 * marks and its class's go together, two tests' do not.
 *
 * @param chain the identities of the scope and of the scopes around it, innermost first
 * @param name what the scope is, for messages: {@code test pong_answers_ping()}
 */
@API(status = INTERNAL, since = "0.1")
public record ViewScope(List<Object> chain, String name) {

    public ViewScope {
        chain = List.copyOf(chain);
    }

    /** Whether a mark made in {@code other} belongs with this scope. */
    boolean isNestedWith(ViewScope other) {
        return chain.contains(other.chain.get(0)) || other.chain.contains(chain.get(0));
    }
}
