package dev.proctest.engine.processfixtures;

import dev.proctest.ChildSpec;
import dev.proctest.CommandChild;
import dev.proctest.Ready;
import dev.proctest.SharedChild;
import dev.proctest.SharedScope;

/** A shared program that runs until it is stopped, for {@link HoldsChildrenTestCase}. */
public class HeldShared implements SharedChild {

    @Override
    public ChildSpec<?> spec(SharedScope scope) {
        return CommandChild.of("sh", "-c", "echo shared up; exec sleep 305").name("held-shared").readyWhen(Ready.whenLogged("shared up"));
    }
}
