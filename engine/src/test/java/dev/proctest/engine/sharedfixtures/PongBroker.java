package dev.proctest.engine.sharedfixtures;

import dev.proctest.ChildSpec;
import dev.proctest.Endpoint;
import dev.proctest.JavaChild;
import dev.proctest.Ready;
import dev.proctest.SharedChild;
import dev.proctest.SharedScope;
import dev.proctest.engine.children.CountingPong;
import java.nio.file.Path;

/** A pong server shared by the run, which counts its starts in {@link #starts}. */
public class PongBroker implements SharedChild {

    /** Where the server appends its pid as it starts. */
    public static volatile Path starts;

    @Override
    public ChildSpec<?> spec(SharedScope scope) {
        Endpoint pong = scope.endpoint("pong");
        return JavaChild.main(CountingPong.class).name("pong-broker").args(pong.address(), starts.toString())
                .readyWhen(Ready.listening(pong));
    }
}
