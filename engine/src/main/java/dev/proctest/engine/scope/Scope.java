package dev.proctest.engine.scope;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.CallRecorder;
import dev.proctest.ChildProcessException;
import dev.proctest.Logs;
import dev.proctest.Processes;
import dev.proctest.Transport;
import dev.proctest.engine.calls.CallsView;
import dev.proctest.engine.calls.ChildCalls;
import dev.proctest.engine.child.RunningChild;
import dev.proctest.engine.child.Supervisor;
import dev.proctest.engine.config.Configuration;
import dev.proctest.engine.endpoints.ScopeEndpoints;
import dev.proctest.engine.links.ScopeLinks;
import dev.proctest.engine.logs.ChildLog;
import dev.proctest.engine.logs.LogTail;
import dev.proctest.engine.logs.LogsView;
import dev.proctest.engine.logs.ViewScope;
import dev.proctest.engine.shared.SharedChildren;
import dev.proctest.engine.sockets.ScopeSockets;
import dev.proctest.engine.sockets.Transcript;
import dev.proctest.engine.support.Changes;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.junit.jupiter.api.io.CleanupMode;
import org.zeromq.ZContext;

/**
 * What one test, or one class for its class-level lifecycle methods, owns: children, endpoints,
 * test sockets and their transcript, each created on first use and closed when the test or class
 * ends, also after a failure or a timeout. A test's scope sees its class's children too, in its
 * {@link Logs} and in the report on its failure.
 */
@API(status = INTERNAL, since = "0.1")
public final class Scope implements AutoCloseable {

    /** What the scopes of one run share, each made on first use. */
    public record RunServices(Supplier<Supervisor> supervisor, Supplier<ZContext> sockets, Configuration configuration,
            Supplier<SharedChildren> shared) {}

    static final String TRANSCRIPT_FILE = "transcript.txt";

    private final RunServices run;
    private final Path logDirectory;
    private final Class<?> testClass;
    private final String name;
    private final Transport transport;
    private final Scope parent;
    private final BiConsumer<String, Path> reporter;
    private final Instant started = Instant.now();
    private final Processes processes = new InjectedProcesses(this);
    private final Changes changes = new Changes();
    private final ScopeTempDirs tempDirs = new ScopeTempDirs();
    private volatile boolean failed;
    private ScopeChildren children;
    private ScopeEndpoints endpoints;
    private ScopeSockets sockets;
    private ScopeLinks links;
    private Transcript transcript;

    /**
     * @param logDirectory where the logs of this scope's children and its transcript go
     * @param name what the scope is, as messages say it: "test" or "test class"
     * @param transport the transport of the scope's endpoints
     * @param parent the class's scope of a test's scope, or the enclosing class's of a nested class's, else null
     * @param reporter publishes a file under a report key: each child's log and the transcript,
     *     when the scope ends
     */
    public Scope(RunServices run, Path logDirectory, Class<?> testClass, String name, Transport transport, Scope parent,
            BiConsumer<String, Path> reporter) {
        this.run = run;
        this.logDirectory = logDirectory;
        this.testClass = testClass;
        this.name = name;
        this.transport = transport;
        this.parent = parent;
        this.reporter = reporter;
        if (parent != null) {
            parent.changes.passTo(changes); // the class's children are in view of the test's waits
        }
    }

    public Processes processes() {
        return processes;
    }

    /** Returns the logs of this scope's children and its class's. */
    public Logs logs() {
        return new LogsView(this::childLogs, changes, viewScope(), run.configuration().awaitTimeout(), run.configuration().reportTail(),
                this::checkFaults);
    }

    /** Returns the calls recorded by this scope's children and its class's. */
    public CallRecorder calls() {
        return new CallsView(this::recordedCalls, changes, run.configuration().awaitTimeout(), run.configuration().reportTail(),
                this::checkFaults);
    }

    /**
     * Returns what the test's failure should show: its conversation through test sockets, and what
     * its children, and its class's, were doing.
     */
    public List<RuntimeException> reports() {
        return facts().failureReports(run.configuration().reportTail());
    }

    /** Returns what this scope and those it is below have to show, for its failure and its report; call it before {@link #close()}. */
    public ScopeFacts facts() {
        List<RunningChild> children = new ArrayList<>();
        List<Transcript> transcripts = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        List<ScopeLinks> links = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        for (Scope scope = this; scope != null; scope = scope.parent) {
            synchronized (scope) {
                if (scope.links != null) {
                    links.add(0, scope.links);
                    scope.links.namesByAddress().forEach(names::putIfAbsent);
                }
                if (scope.transcript != null) {
                    transcripts.add(0, scope.transcript);
                    files.add(0, scope.logDirectory.resolve(TRANSCRIPT_FILE));
                }
                if (scope.children != null) {
                    children.addAll(0, scope.children.inView());
                }
                if (scope.endpoints != null) {
                    scope.endpoints.named().forEach((name, endpoint) -> names.putIfAbsent(endpoint.address(), name));
                }
            }
        }
        return new ScopeFacts(started, logDirectory, children, transcripts, files, links, names);
    }

    /**
     * Fails with what this scope's children, and its class's, threw or logged that fails the test
     * and was not reported yet; every call into proctest begins here.
     *
     * @throws ChildProcessException for the first such fault, the others suppressed
     */
    public void checkFaults() {
        Problems.throwFirst(new ArrayList<>(faultsFrom(this)));
    }

    /** The faults of the children of {@code first} and of the scopes it is below, outermost first: a class's, a nested class's. */
    private static List<ChildProcessException> faultsFrom(Scope first) {
        List<ChildProcessException> faults = new ArrayList<>();
        for (Scope scope = first; scope != null; scope = scope.parent) {
            ScopeChildren owned = scope.ownChildren();
            faults.addAll(0, owned == null ? List.of() : owned.faults());
        }
        return faults;
    }

    /** Returns the children this scope has started, or null if it has started none. */
    private synchronized ScopeChildren ownChildren() {
        return children;
    }

    /**
     * Stops what the scope started, closes its sockets, releases its endpoints; throws what went
     * wrong. A test's end also reports the faults of its class's children that no test has been
     * told of yet: they happened while it ran, or before.
     */
    @Override
    public void close() {
        ScopeChildren ownChildren;
        ScopeSockets ownSockets;
        ScopeLinks ownLinks;
        ScopeEndpoints ownEndpoints;
        Transcript ownTranscript;
        synchronized (this) {
            ownChildren = children;
            ownSockets = sockets;
            ownLinks = links;
            ownEndpoints = endpoints;
            ownTranscript = transcript;
            children = null;
            sockets = null;
            links = null;
            endpoints = null;
        }
        if (parent != null) {
            parent.changes.stopPassingTo(changes);
        }
        List<RuntimeException> problems = new ArrayList<>();
        // links close after the children, so no child sees its connections drop; ports after both, which bound them
        Problems.closeEach(problems, ownChildren, ownSockets, ownLinks, ownEndpoints);
        problems.addAll(faultsFrom(parent));
        try {
            tempDirs.close(!failed); // once the children that wrote to them are gone
        } catch (RuntimeException e) {
            problems.add(e);
        }
        if (ownTranscript != null && !ownTranscript.isEmpty()) {
            try {
                Path file = logDirectory.resolve(TRANSCRIPT_FILE);
                ownTranscript.write(file);
                reporter.accept("proctest.transcript", file);
            } catch (RuntimeException e) {
                problems.add(e);
            }
        }
        Problems.throwFirst(problems);
    }

    /** Makes a directory for Jupiter's {@code @TempDir}, deleted as {@code cleanup} says when the scope ends. */
    public Path tempDir(CleanupMode cleanup) {
        return tempDirs.make(cleanup);
    }

    /** Says that the test, or the class's lifecycle methods, failed: its barriers break, {@code @TempDir(cleanup = ON_SUCCESS)} keeps. */
    public void failed(Throwable failure) {
        failed = true;
        ScopeChildren owned = ownChildren(); // without children, there is nothing to break
        if (owned != null) {
            owned.coordination().breakAll("the " + name + " failed (" + failure + ")");
        }
    }

    /** Whose logs this scope's views show, for their marks. */
    ViewScope viewScope() {
        List<Object> chain = new ArrayList<>();
        for (Scope scope = this; scope != null; scope = scope.parent) {
            chain.add(scope.changes);
        }
        return new ViewScope(chain, name + " " + logDirectory.getFileName());
    }

    /** How long {@code processes.run} waits for a program by default. */
    Duration runTimeout() {
        return run.configuration().runTimeout();
    }

    synchronized ScopeChildren children() {
        if (children == null) {
            children = new ScopeChildren(run.supervisor(), run.configuration(), logDirectory, testClass, name, changes, viewScope(),
                    reporter, this::checkFaults, run.shared());
        }
        return children;
    }

    synchronized ScopeEndpoints endpoints() {
        if (endpoints == null) {
            endpoints = new ScopeEndpoints(transport);
        }
        return endpoints;
    }

    synchronized ScopeLinks links() {
        if (links == null) {
            links = new ScopeLinks(endpoints(), transcript());
        }
        return links;
    }

    private synchronized Transcript transcript() {
        if (transcript == null) {
            transcript = new Transcript(run.configuration().transcriptRetained());
        }
        return transcript;
    }

    synchronized ScopeSockets sockets() {
        if (sockets == null) {
            sockets = new ScopeSockets(run.sockets(), transcript(), run.configuration().socketTimeout(),
                    () -> LogTail.of(childLogs(), run.configuration().reportTail()));
        }
        return sockets;
    }

    private List<ChildCalls> recordedCalls() {
        return fromChildren(ScopeChildren::recordedCalls).stream().distinct().toList();
    }

    private List<ChildLog> childLogs() {
        return fromChildren(ScopeChildren::logs).stream().distinct().toList(); // a shared child the class uses too, once
    }

    /** Collects {@code what} of the class's children, then of this scope's. */
    private <T> List<T> fromChildren(Function<ScopeChildren, List<T>> what) {
        List<T> all = new ArrayList<>(parent == null ? List.of() : parent.fromChildren(what));
        ScopeChildren owned = ownChildren();
        if (owned != null) {
            all.addAll(what.apply(owned));
        }
        return all;
    }
}
