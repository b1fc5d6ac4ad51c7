package dev.proctest;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import org.apiguardian.api.API;
import org.zeromq.SocketType;

/**
 * Starts the system under test in child processes. Declare a parameter of this type on a test
 * method or a lifecycle method and the engine injects it:
 *
 * <pre>{@code
 * @ProcessTest
 * void pong_answers_ping(Processes processes) {
 *     Endpoint rep = processes.endpoint("pong");
 *     processes.spawn(JavaChild.main(PongProc.class).args(rep.address()).readyWhen(Ready.listening(rep)));
 *     ...
 * }
 * }</pre>
 *
 * <p>Everything it creates belongs to the scope it was injected into: a test (with its
 * {@code @BeforeEach} and {@code @AfterEach} methods), or a class (in {@code @BeforeAll} and
 * {@code @AfterAll}). At the end of the scope, also after a failure or a timeout, its children are
 * stopped in reverse order of their start, those started together by one {@link #spawnAll} at
 * once. A child that exited on its own during the scope fails it.
 *
 * <p>It is safe to use from several threads, as are the children, logs and call recorders it
 * gives.
 *
 * <p>proctest implements this type and hands it to tests; do not implement it yourself, as later
 * versions may add methods to it.
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
@NotExtensible
public interface Processes {

    /**
     * Starts a child and returns once it is {@linkplain ChildSpec#readyWhen ready}.
     *
     * @throws ChildProcessException if it cannot start or is not ready in time; the message shows
     *     its output so far, and the child has been stopped
     */
    ChildProcess spawn(ChildSpec<?> spec);

    /**
     * Starts a child and returns at once, without waiting for it to be ready: wait with {@link
     * ChildProcess#awaitReady()}. For children that are ready only together, such as the nodes of
     * a cluster that elect a leader; {@link #spawnAll} does both for several.
     *
     * @throws ChildProcessException if it cannot start: no such program or main class, a bad JDK
     * @since 0.2
     */
    @API(status = EXPERIMENTAL, since = "0.2")
    ChildProcess start(ChildSpec<?> spec);

    /**
     * Starts every child at once and returns them, in the order of the specs, once all are ready.
     * If one cannot start or is not ready in time, the others are stopped, and the exception names
     * it and shows its output. At the end of the scope they are stopped together.
     *
     * @throws IllegalArgumentException for no spec
     * @throws ChildProcessException if a child cannot start or is not ready in time
     * @since 0.2
     */
    @API(status = EXPERIMENTAL, since = "0.2")
    List<ChildProcess> spawnAll(ChildSpec<?>... specs);

    /** Like {@link #spawnAll(ChildSpec...)}, for a list of specs. */
    @API(status = EXPERIMENTAL, since = "0.2")
    List<ChildProcess> spawnAll(List<? extends ChildSpec<?>> specs);

    /**
     * Runs a program to its end and returns what it wrote and its exit code; waits up to {@code
     * proctest.run.timeout} (60 s by default).
     *
     * @throws ChildProcessException if it cannot start or does not exit in time
     */
    ProgramResult run(ChildSpec<?> spec);

    /** Like {@link #run(ChildSpec)}, waiting up to {@code timeout}. */
    ProgramResult run(ChildSpec<?> spec, Duration timeout);

    /**
     * Returns a free endpoint of the scope's transport: {@code tcp://127.0.0.1:<port>}, or in the
     * {@code [ipc]} repetition of a {@link Transports} test an {@code ipc://} address in a private
     * temp directory. The same name gives the same endpoint within the scope. Ports are picked
     * outside the range the system hands out to outgoing connections, so no other connection of the
     * machine takes one before the system under test binds it.
     */
    Endpoint endpoint(String name);

    /**
     * Returns a new ZeroMQ socket of {@code type} with deadlines on every send and receive; connect
     * or bind it next. It is closed when the scope ends.
     */
    TestSocket socket(SocketType type);

    /**
     * Connects a client for newline-delimited text or JSON to {@code endpoint}. It is closed when the
     * scope ends.
     *
     * @throws TestSocketException if the connection is not accepted within the socket timeout
     */
    LineClient lineClient(Endpoint endpoint);

    /**
     * Connects {@code count} line clients to {@code endpoint}, as many concurrent connections to one
     * server; they are closed when the scope ends.
     *
     * @throws TestSocketException if one of them cannot connect; those already connected are closed
     */
    List<LineClient> lineClients(int count, Endpoint endpoint);

    /**
     * Returns a new {@link Link} in front of {@code target}, a loopback proxy that forwards what
     * clients send to its {@link Link#endpoint()} and injects network faults. A TCP target gets a
     * TCP link, an IPC target an IPC one (on its port), a Unix domain socket target one of its own.
     * It is closed when the scope ends, after the scope's children have stopped.
     *
     * @since 0.3
     */
    @API(status = EXPERIMENTAL, since = "0.3")
    Link link(Endpoint target);

    /**
     * Returns the {@link Mesh} of links between the nodes whose own endpoints are {@code nodes}, one
     * link for each ordered pair: what a test needs to partition a cluster.
     *
     * @throws IllegalArgumentException for fewer than two nodes or an endpoint given twice
     * @since 0.3
     */
    @API(status = EXPERIMENTAL, since = "0.3")
    Mesh mesh(List<Endpoint> nodes);

    /**
     * Like {@link #mesh(List)}, its links named after {@code name} in the transcript and in failure
     * reports ({@code election: node 0 to node 1}), for a cluster whose nodes have several ports,
     * each with a mesh of its own.
     *
     * @since 0.3
     */
    @API(status = EXPERIMENTAL, since = "0.3")
    Mesh mesh(String name, List<Endpoint> nodes);

    /**
     * Returns the child that {@code type} defines, started once for the run: by this call if no
     * test has asked for it yet, then given to every test that asks. A test asking while another
     * starts it waits for that start. The child is stopped when the run ends, never by a test's end.
     *
     * @throws ChildProcessException if it cannot start (now or when a test asked earlier in the run:
     *     it is not tried again), or if it has ended before the run's end
     * @throws IllegalArgumentException if {@code type} has no no-arg constructor
     * @since 0.4
     */
    @API(status = EXPERIMENTAL, since = "0.4")
    Shared shared(Class<? extends SharedChild> type);

    /**
     * Arrives at barrier {@code name} of this scope and waits until each of {@code children} has
     * arrived too, with {@code ProcTest.barrier(name)} in its own code or in a lambda it runs;
     * children waiting there are released together. Waits up to {@code
     * proctest.coordination.timeout}. A barrier is passed once: the test arrives at each name once.
     * A child restarted before it arrives must arrive again, as its new process.
     *
     * @throws CoordinationException at once if a child exits before it arrives, a child gave up
     *     waiting, or the barrier broke before; after the timeout, naming who is missing. The
     *     children waiting see the barrier broken.
     * @throws IllegalArgumentException for no children, or a child that is not of this scope
     * @throws IllegalStateException if the test arrived at this barrier before
     * @since 0.4
     */
    @API(status = EXPERIMENTAL, since = "0.4")
    void barrier(String name, ChildProcess... children);

    /** Like {@link #barrier(String, ChildProcess...)}, waiting up to {@code timeout}. */
    @API(status = EXPERIMENTAL, since = "0.4")
    void barrier(String name, Duration timeout, ChildProcess... children);

    /**
     * Returns mailbox {@code key} of this scope: the queue the scope's children see with {@code
     * ProcTest.mailbox(key)}.
     *
     * @since 0.4
     */
    @API(status = EXPERIMENTAL, since = "0.4")
    Mailbox<Serializable> mailbox(String key);

    /** Like {@link #mailbox(String)}, for values of {@code type}: a take of another type fails, saying so. */
    @API(status = EXPERIMENTAL, since = "0.4")
    <T extends Serializable> Mailbox<T> mailbox(String key, Class<T> type);
}
