package dev.proctest.engine.descriptor;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.engine.execution.ProcTestExecutionContext;
import org.apiguardian.api.API;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/** The root of the proctest test tree: one child per test class. */
@API(status = INTERNAL, since = "0.1")
public final class ProcTestEngineDescriptor extends EngineDescriptor implements Node<ProcTestExecutionContext> {

    public ProcTestEngineDescriptor(UniqueId uniqueId) {
        super(uniqueId, "proctest");
    }

    /** Releases what the run created, such as the timeout thread, after the last test. */
    @Override
    public void cleanUp(ProcTestExecutionContext context) {
        context.close();
    }
}
