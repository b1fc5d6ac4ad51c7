package dev.proctest.engine.sharedfixtures;

import dev.proctest.ChildSpec;
import dev.proctest.JavaChild;
import dev.proctest.Ready;
import dev.proctest.SharedChild;
import dev.proctest.SharedScope;
import dev.proctest.engine.children.ExitsEarly;

/** A shared child that exits before it is ever ready. */
public class BrokenBroker implements SharedChild {

    @Override
    public ChildSpec<?> spec(SharedScope scope) {
        return JavaChild.main(ExitsEarly.class).name("broken").readyWhen(Ready.whenLogged("never printed"));
    }
}
