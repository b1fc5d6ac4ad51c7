package dev.proctest.engine.scope;

import dev.proctest.Processes;
import dev.proctest.engine.config.Configuration;
import dev.proctest.engine.process.ScopedProcesses;
import dev.proctest.engine.process.Supervisor;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * What one test, or one class for its class-level lifecycle methods, owns: created on first use,
 * closed when the test or class ends, also after a failure or a timeout.
 */
public final class Scope implements AutoCloseable {

    private final Supplier<Supervisor> supervisor;
    private final Configuration configuration;
    private final Path logDirectory;
    private final Class<?> testClass;
    private final String name;
    private ScopedProcesses processes;

    /**
     * @param logDirectory where the logs of this scope's children go
     * @param name what the scope is, as messages say it: "test" or "test class"
     */
    public Scope(Supplier<Supervisor> supervisor, Configuration configuration, Path logDirectory, Class<?> testClass, String name) {
        this.supervisor = supervisor;
        this.configuration = configuration;
        this.logDirectory = logDirectory;
        this.testClass = testClass;
        this.name = name;
    }

    public synchronized Processes processes() {
        if (processes == null) {
            processes = new ScopedProcesses(supervisor, configuration, logDirectory, testClass, name);
        }
        return processes;
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
}
