package dev.proctest.engine.sharedfixtures;

import dev.proctest.ChildSpec;
import dev.proctest.Endpoint;
import dev.proctest.JavaChild;
import dev.proctest.Ready;
import dev.proctest.SharedChild;
import dev.proctest.SharedScope;
import dev.proctest.engine.children.CountingPong;

/** A pong server shared by the run, which a test kills behind proctest's back. */
public class DyingBroker implements SharedChild {

    @Override
    public ChildSpec<?> spec(SharedScope scope) {
        Endpoint pong = scope.endpoint("pong");
        return JavaChild.main(CountingPong.class).name("dying").args(pong.address(), PongBroker.starts.toString())
                .readyWhen(Ready.listening(pong));
    }
}
