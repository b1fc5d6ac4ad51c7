package dev.proctest.engine.shared;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.ChildProcessException;
import dev.proctest.Shared;
import dev.proctest.SharedChild;
import dev.proctest.engine.child.RunningChild;
import dev.proctest.engine.support.Changes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * The shared children one scope, a test or a class, has asked for: the scope sees their logs,
 * reports their faults and their end before the run's, shows them in its report, and when it
 * ends attaches their log files, leaving the children running.
 */
@API(status = INTERNAL, since = "0.4")
public final class SharedUses implements AutoCloseable {

    private final Supplier<SharedChildren> run;
    private final String asker;
    private final Changes scopeChanges;
    private final BiConsumer<String, Path> reporter;
    private final Map<Class<?>, SharedUse> uses = new LinkedHashMap<>();

    /**
     * @param asker the scope, as messages name it: {@code PongTests test ping}
     * @param scopeChanges the scope's, to which the children's changes pass while it uses them
     * @param reporter publishes a file under a report key: each child's log, when the scope ends
     */
    public SharedUses(Supplier<SharedChildren> run, String asker, Changes scopeChanges, BiConsumer<String, Path> reporter) {
        this.run = run;
        this.asker = asker;
        this.scopeChanges = scopeChanges;
        this.reporter = reporter;
    }

    /** Returns the shared child of {@code type}, started for the run if this is its first request. */
    public Shared use(Class<? extends SharedChild> type) {
        Objects.requireNonNull(type, "type");
        synchronized (this) {
            SharedUse use = uses.get(type);
            if (use != null) {
                return use;
            }
        }
        SharedInstance instance = run.get().instance(type);
        RunningChild child = instance.running(asker); // outside the lock: the start takes time, and other threads of the scope go on
        synchronized (this) {
            SharedUse use = uses.get(type);
            if (use == null) {
                use = new SharedUse(instance, child, scopeChanges);
                instance.join(use);
                uses.put(type, use);
            }
            return use;
        }
    }

    /** Returns the shared children in use, the first asked for first. */
    public synchronized List<RunningChild> children() {
        return uses.values().stream().map(SharedUse::runningChild).toList();
    }

    /** Returns what the shared children threw or logged, or their end, that fails the scope and was not reported yet. */
    public List<ChildProcessException> faults() {
        List<SharedUse> current;
        synchronized (this) {
            current = List.copyOf(uses.values());
        }
        List<ChildProcessException> faults = new ArrayList<>();
        current.forEach(use -> faults.addAll(use.faults()));
        return faults;
    }

    /**
     * Ends the scope's use of each shared child and attaches its log file to the scope.
     *
     * @throws ChildProcessException for what the children threw or logged, or their end, not reported yet
     */
    @Override
    public void close() {
        List<SharedUse> current;
        synchronized (this) {
            current = List.copyOf(uses.values());
            uses.clear();
        }
        List<ChildProcessException> problems = new ArrayList<>();
        for (SharedUse use : current) {
            problems.addAll(use.close());
            reporter.accept("proctest.log." + use.runningChild().name(), use.runningChild().log().file());
        }
        if (!problems.isEmpty()) {
            ChildProcessException first = problems.get(0);
            problems.subList(1, problems.size()).forEach(first::addSuppressed);
            throw first;
        }
    }
}
