package dev.proctest;

import static org.apiguardian.api.API.Status.STABLE;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Repeats a {@link ProcessTest} or {@link SystemTest} once per transport, each repetition with its
 * own endpoints of that transport:
 *
 * <pre>{@code
 * @ProcessTest
 * @Transports({TCP, IPC})
 * void pong_answers_ping(Processes processes) {
 *     Endpoint endpoint = processes.endpoint("pong"); // tcp://127.0.0.1:<port> in [tcp], ipc://... in [ipc]
 *     ...
 * }
 * }</pre>
 *
 * <p>The repetitions are shown as {@code [tcp]} and {@code [ipc]} below the test. On a class, every
 * test of the class is repeated; on a method, it overrides the class's. Endpoints of the class's
 * own scope ({@code @BeforeAll}) are TCP.
 *
 * @since 0.1
 */
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@API(status = STABLE, since = "0.1")
public @interface Transports {

    /** The transports, in the order the repetitions run; not empty, without duplicates. */
    Transport[] value();
}
