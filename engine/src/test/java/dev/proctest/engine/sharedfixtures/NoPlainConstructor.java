package dev.proctest.engine.sharedfixtures;

import dev.proctest.ChildSpec;
import dev.proctest.JavaChild;
import dev.proctest.SharedChild;
import dev.proctest.SharedScope;
import dev.proctest.engine.children.Hello;

/** A shared child proctest cannot make: its only constructor takes a parameter. */
public class NoPlainConstructor implements SharedChild {

    private final String name;

    public NoPlainConstructor(String name) {
        this.name = name;
    }

    @Override
    public ChildSpec<?> spec(SharedScope scope) {
        return JavaChild.main(Hello.class).name(name);
    }
}
