package dev.proctest.engine.processfixtures;

import dev.proctest.JavaChild;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.engine.children.Registry;

/**
 * Runs after {@link PoolTestCase}: while it has not started, a test is left and the pool keeps
 * refilling. Once it has, none is: its spawn is served, and the pool starts no JVM for the next.
 */
public class PoolTailTestCase {

    @ProcessTest
    void spawnsTheRunsLastChild(Processes processes) {
        processes.spawn(JavaChild.main(Registry.class).readyWhen(Ready.whenSignalled()).jvmArgs("-Dpool.test=tail")).stop();
    }
}
