package dev.proctest;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Runs a test class once per implementation of the system it tests, so that one suite proves
 * several implementations wire compatible: the class's {@code @BeforeAll} methods, its tests and
 * its {@code @AfterAll} methods run for the first implementation, then all again for the next.
 * Each run asks for an {@link Implementation} parameter to learn which one to start:
 *
 * <pre>{@code
 * @Implementations({"java", "python"})
 * class QueueServerSuite {
 *     static LineClient server;
 *
 *     @BeforeAll
 *     static void start(Processes processes, Implementation implementation) {
 *         Endpoint endpoint = processes.endpoint("queue");
 *         processes.spawn(switch (implementation.name()) {
 *             case "java" -> JavaChild.main(QueueServer.class).args(String.valueOf(endpoint.port()));
 *             default -> CommandChild.of("python3", "queue_server.py", String.valueOf(endpoint.port()));
 *         }.readyWhen(Ready.listening(endpoint)));
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>The runs are shown as {@code [java]} and {@code [python]} below the class, each with the
 * class's tests below it. Repetitions nest in one order everywhere, in display names, unique ids
 * and report names: implementation, then test, then transport ({@link Transports}), then
 * invocation: {@code QueueServerSuite > [python] > sends_to_all() > [tcp]}, unique id {@code
 * [class:...]/[implementation:python]/[method:sends_to_all()]/[transport:tcp]}. A test fails
 * under the implementation it ran against; one implementation that cannot start fails its own run
 * only.
 *
 * @since 0.2
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@API(status = EXPERIMENTAL, since = "0.2")
public @interface Implementations {

    /**
     * The implementations' names, in the order their runs go: not empty, without duplicates, each
     * of letters, digits, {@code .}, {@code _} and {@code -}, as they name directories of logs.
     */
    String[] value();
}
