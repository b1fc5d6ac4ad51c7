package dev.proctest.samples.mq;

import dev.proctest.ChildSpec;
import dev.proctest.Endpoint;
import dev.proctest.JavaChild;
import dev.proctest.Ready;
import dev.proctest.SharedChild;
import dev.proctest.SharedScope;

/**
 * The Java queue server, started once for the whole run and shared by {@link SharedQueuePublishTests}
 * and {@link SharedQueueSubscribeTests}. Its tests keep apart by topic: each uses topics of its own,
 * so none sees what another sent, and none needs the server fresh.
 */
public class SharedQueue implements SharedChild {

    static final int CACHE_SIZE = 3;

    @Override
    public ChildSpec<?> spec(SharedScope scope) {
        Endpoint queue = scope.endpoint("queue");
        return JavaChild.main(QueueServer.class).name("shared-queue").args(String.valueOf(queue.port()), String.valueOf(CACHE_SIZE))
                .readyWhen(Ready.listening(queue));
    }
}
