package dev.proctest.engine.execution;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.Transport;
import dev.proctest.engine.child.Supervisor;
import dev.proctest.engine.config.Configuration;
import dev.proctest.engine.injection.ParameterResolvers;
import dev.proctest.engine.scope.Scope;
import dev.proctest.engine.shared.SharedChildren;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.FileEntry;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.hierarchical.EngineExecutionContext;
import org.junit.platform.engine.support.hierarchical.ThrowableCollector;
import org.zeromq.ZContext;

/**
 * What the nodes of one run share: the request, the configuration, the invoker and the failure
 * collectors, the run's supervisor of child processes and its shared children, and below a class,
 * the class's scope.
 */
@API(status = INTERNAL, since = "0.1")
public final class ProcTestExecutionContext implements EngineExecutionContext, AutoCloseable {

    private final Run run;
    private final Scope classScope;
    /** Where the class's logs go, and its tests' and nested classes' below; null above a class. */
    private final Path classDirectory;

    /** What exists once per run, whichever node's copy of the context holds it. */
    private static final class Run {
        final ExecutionRequest request;
        final ThrowableCollector.Factory throwableCollectors;
        final Configuration configuration;
        final Timeouts timeouts = new Timeouts();
        final Invoker invoker;
        private Supervisor supervisor;
        private ZContext sockets;
        private final SharedChildren shared;
        /** The tests not yet finished: when none is left, the pool starts no more JVMs. */
        private final Set<UniqueId> unfinished = ConcurrentHashMap.newKeySet();

        Run(ExecutionRequest request, ThrowableCollector.Factory throwableCollectors, ParameterResolvers resolvers) {
            this.request = request;
            this.throwableCollectors = throwableCollectors;
            this.configuration = Configuration.from(request.getConfigurationParameters());
            this.invoker = new Invoker(resolvers, timeouts);
            this.shared = new SharedChildren(this::supervisor, configuration.reportsDir().resolve("shared"));
            // A parameterized or repeated test is a container until it runs: it counts until it has finished.
            request.getRootTestDescriptor().getDescendants().stream().filter(test -> test.isTest() || test.mayRegisterTests())
                    .forEach(test -> unfinished.add(test.getUniqueId()));
        }

        void finished(TestDescriptor descriptor) {
            boolean removed = unfinished.remove(descriptor.getUniqueId());
            for (TestDescriptor descendant : descriptor.getDescendants()) {
                removed |= unfinished.remove(descendant.getUniqueId());
            }
            if (removed && unfinished.isEmpty()) {
                Supervisor current;
                synchronized (this) {
                    current = supervisor;
                }
                if (current != null) {
                    current.runEnding();
                }
            }
        }

        /** Starts no thread, process or socket before a test spawns its first child. */
        synchronized Supervisor supervisor() {
            if (supervisor == null) {
                supervisor = new Supervisor(configuration, this::sockets);
                if (unfinished.isEmpty()) {
                    supervisor.runEnding();
                }
            }
            return supervisor;
        }

        /** The context of the tests' own sockets, apart from the hub's; made when a test asks for its first socket. */
        synchronized ZContext sockets() {
            if (sockets == null) {
                sockets = new ZContext(1);
            }
            return sockets;
        }

        void close() {
            shared.close(); // outside the lock: stopping them asks for the supervisor, and may send stop messages on the sockets
            closeRest();
        }

        private synchronized void closeRest() {
            timeouts.close();
            if (sockets != null) {
                sockets.close();
            }
            if (supervisor != null) {
                supervisor.close();
            }
        }

        Scope.RunServices services() {
            return new Scope.RunServices(this::supervisor, this::sockets, configuration, () -> shared);
        }
    }

    public ProcTestExecutionContext(
            ExecutionRequest request, ThrowableCollector.Factory throwableCollectors, ParameterResolvers resolvers) {
        this(new Run(request, throwableCollectors, resolvers), null, null);
    }

    private ProcTestExecutionContext(Run run, Scope classScope, Path classDirectory) {
        this.run = run;
        this.classScope = classScope;
        this.classDirectory = classDirectory;
    }

    public ExecutionRequest request() {
        return run.request;
    }

    public Invoker invoker() {
        return run.invoker;
    }

    /**
     * Returns a new collector that keeps the first failure and adds later ones as suppressed, and
     * tells aborted from failed as the platform does.
     */
    public ThrowableCollector newThrowableCollector() {
        return run.throwableCollectors.create();
    }

    /**
     * Returns this context below a class, with the class's scope; below a class already, that of a
     * {@code @Nested} class, within the enclosing class's.
     *
     * @param implementation the implementation this run of the class tests, whose logs go apart
     */
    public ProcTestExecutionContext withClassScope(Class<?> testClass, Optional<String> implementation, TestDescriptor descriptor) {
        // a @Nested class's scope is below its enclosing class's, and its logs in a directory of the enclosing class's
        Path directory = classScope == null ? logDirectory(testClass, implementation) : classDirectory.resolve(testClass.getSimpleName());
        return new ProcTestExecutionContext(run, newScope(testClass, directory, "test class", Transport.TCP, classScope, descriptor),
                directory);
    }

    /** Returns the scope of the class this context is below. */
    public Scope classScope() {
        return classScope;
    }

    /**
     * Returns a new scope for one run of a test method, below its class's scope.
     *
     * @param directory the directory of the run's logs below its class's: the method's name, and
     *     for a repeated test also its transport, invocation and repetition ({@code ping-tcp-2})
     */
    public Scope newTestScope(Class<?> testClass, Optional<String> implementation, String directory, Transport transport,
            TestDescriptor descriptor) {
        Path logDirectory = (classDirectory == null ? logDirectory(testClass, implementation) : classDirectory).resolve(directory);
        return newScope(testClass, logDirectory, "test", transport, classScope, descriptor);
    }

    /**
     * Says that {@code descriptor}'s tests have finished, or will not run: a test that ended, or a
     * skipped or ended class or test. Until the last has, the pool refills: the last test's later
     * spawns are served warm too.
     */
    public void finished(TestDescriptor descriptor) {
        run.finished(descriptor);
    }

    /** Where the run's logs and report go. */
    public Path reportsDir() {
        return run.configuration.reportsDir();
    }

    @Override
    public void close() {
        run.close();
    }

    private Scope newScope(Class<?> testClass, Path logDirectory, String name, Transport transport, Scope parent, TestDescriptor descriptor) {
        EngineExecutionListener listener = run.request.getEngineExecutionListener();
        return new Scope(run.services(), logDirectory, testClass, name, transport, parent, (key, file) -> {
            listener.reportingEntryPublished(descriptor, ReportEntry.from(key, file.toString()));
            listener.fileEntryPublished(descriptor, FileEntry.from(file, "text/plain"));
        });
    }

    /** {@code <reports>/<class>}, or {@code <reports>/<class>/<implementation>} for a run of the class for one. */
    private Path logDirectory(Class<?> testClass, Optional<String> implementation) {
        Path classDirectory = run.configuration.reportsDir().resolve(testClass.getName());
        return implementation.map(classDirectory::resolve).orElse(classDirectory);
    }
}
