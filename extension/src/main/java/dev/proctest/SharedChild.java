package dev.proctest;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * A child started once for the whole run and shared by every test that asks for it with {@link
 * Processes#shared(Class)}: a broker, a database, a coordination server whose start is what makes a
 * suite slow. Implement it in a class with a no-arg constructor; proctest makes one instance, on
 * the first test's request, and starts the spec it returns:
 *
 * <pre>{@code
 * public class Broker implements SharedChild {
 *     @Override
 *     public ChildSpec<?> spec(SharedScope scope) {
 *         Endpoint port = scope.endpoint("client");
 *         return JavaChild.main(BrokerMain.class).args(port.address()).readyWhen(Ready.listening(port));
 *     }
 * }
 * }</pre>
 *
 * <p>The child is started at most once per run (one execution of the engine: in Maven, one per
 * Surefire or Failsafe fork), also when tests ask for it at once from several threads; it is
 * stopped as its spec says when the run ends. If it cannot start, every test that asks fails with
 * that failure, and it is not tried again. If it exits before the run ends, the tests using it at
 * that moment fail, and so do the tests that ask for it later. What one test leaves in it, the next
 * one finds: share only what tests do not change, or what each test can reset or keep apart (a
 * topic or a database of its own).
 *
 * @since 0.4
 */
@API(status = EXPERIMENTAL, since = "0.4")
public interface SharedChild {

    /**
     * Returns the spec of the child; called once per run, in the thread of the first test that asks.
     *
     * @param scope gives endpoints that live as long as the run, for the child to bind
     */
    ChildSpec<?> spec(SharedScope scope);
}
