package dev.proctest.engine.scope;

import dev.proctest.Logs;
import dev.proctest.Processes;
import dev.proctest.engine.config.Configuration;
import dev.proctest.engine.logs.ChildLog;
import dev.proctest.engine.logs.ScopedLogs;
import dev.proctest.engine.process.ChildrenReport;
import dev.proctest.engine.process.ScopedProcesses;
import dev.proctest.engine.process.Supervisor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * What one test, or one class for its class-level lifecycle methods, owns: created on first use,
 * closed when the test or class ends, also after a failure or a timeout. A test's scope sees its
 * class's children too, in its {@link Logs} and in the report on its failure.
 */
public final class Scope implements AutoCloseable {

    private final Supplier<Supervisor> supervisor;
    private final Configuration configuration;
    private final Path logDirectory;
    private final Class<?> testClass;
    private final String name;
    private final Scope parent;
    private final BiConsumer<String, Path> reporter;
    private ScopedProcesses processes;

    /**
     * @param logDirectory where the logs of this scope's children go
     * @param name what the scope is, as messages say it: "test" or "test class"
     * @param parent the class's scope of a test's scope, else null
     * @param reporter publishes each child's log file, by child name, when the scope ends
     */
    public Scope(Supplier<Supervisor> supervisor, Configuration configuration, Path logDirectory, Class<?> testClass, String name,
            Scope parent, BiConsumer<String, Path> reporter) {
        this.supervisor = supervisor;
        this.configuration = configuration;
        this.logDirectory = logDirectory;
        this.testClass = testClass;
        this.name = name;
        this.parent = parent;
        this.reporter = reporter;
    }

    public synchronized Processes processes() {
        return ownProcesses();
    }

    /** Returns the logs of this scope's children and its class's. */
    public Logs logs() {
        return new ScopedLogs(this::childLogs, configuration.awaitTimeout(), configuration.reportTail());
    }

    /** Returns what this scope's children, and its class's, were doing: for the failure of its test. */
    public Optional<ChildrenReport> report() {
        List<ScopedProcesses> owners = new ArrayList<>();
        collectOwners(owners);
        return ChildrenReport.combined(owners);
    }

    /** Stops what the scope started; throws what went wrong with it. */
    @Override
    public void close() {
        ScopedProcesses owned;
        synchronized (this) {
            owned = processes;
            processes = null;
        }
        if (owned != null) {
            owned.close();
        }
    }

    private synchronized ScopedProcesses ownProcesses() {
        if (processes == null) {
            processes = new ScopedProcesses(supervisor, configuration, logDirectory, testClass, name, reporter);
        }
        return processes;
    }

    private List<ChildLog> childLogs() {
        List<ChildLog> logs = new ArrayList<>(parent == null ? List.of() : parent.childLogs());
        ScopedProcesses owned;
        synchronized (this) {
            owned = processes;
        }
        if (owned != null) {
            logs.addAll(owned.logs());
        }
        return logs;
    }

    private void collectOwners(List<ScopedProcesses> owners) {
        if (parent != null) {
            parent.collectOwners(owners);
        }
        synchronized (this) {
            if (processes != null) {
                owners.add(processes);
            }
        }
    }
}
