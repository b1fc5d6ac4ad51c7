package dev.proctest;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * The answer of a mocked method, computed in the test JVM: the child's call waits while the test
 * runs this lambda, with the test's state at hand, and returns what it returns.
 *
 * <pre>{@code
 * AtomicReference<Double> temperature = new AtomicReference<>(18.0);
 * processes.spawn(JavaChild.main(Heating.class).mock(Sensor.class)
 *         .answer(Sensor.class, "read", call -> temperature.get()));
 * }</pre>
 *
 * <p>It runs on a thread of the engine, one call at a time per child. What it returns travels to
 * the child by Java serialization and must be what the method returns (boxed for a primitive). An
 * exception it throws is thrown by the child's call: an unchecked one as it is, a checked one as
 * the cause of an {@code IllegalStateException}.
 *
 * @since 0.1
 */
@FunctionalInterface
@API(status = STABLE, since = "0.1")
public interface RemoteAnswer {

    /** Returns what the child's call returns; runs in the test JVM. */
    Object answer(RecordedCall call) throws Exception;
}
