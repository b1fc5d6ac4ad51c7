package dev.proctest.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.Ready;
import dev.proctest.Stop;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The settings every kind of child spec has.
 *
 * @param name the name given, or null for the spec's default
 * @param workingDirectory the working directory given, or null for the test JVM's
 * @param faults what the child may throw and log without failing the test
 */
@API(status = INTERNAL, since = "0.1")
public record SpecSettings(String name, Map<String, String> env, Path workingDirectory, Ready ready, Stop stop, boolean mayExit,
        FaultSpec faults) {

    public static SpecSettings defaults() {
        return new SpecSettings(null, Map.of(), null, Ready.onStart(), Stop.gracefully(), false, FaultSpec.DEFAULT);
    }

    public Optional<Path> directory() {
        return Optional.ofNullable(workingDirectory);
    }

    public SpecSettings withName(String newName) {
        return new SpecSettings(newName, env, workingDirectory, ready, stop, mayExit, faults);
    }

    public SpecSettings withEnv(Map<String, String> newEnv) {
        return new SpecSettings(name, Map.copyOf(newEnv), workingDirectory, ready, stop, mayExit, faults);
    }

    public SpecSettings withDirectory(Path directory) {
        return new SpecSettings(name, env, directory, ready, stop, mayExit, faults);
    }

    public SpecSettings withReady(Ready newReady) {
        return new SpecSettings(name, env, workingDirectory, newReady, stop, mayExit, faults);
    }

    public SpecSettings withStop(Stop newStop) {
        return new SpecSettings(name, env, workingDirectory, ready, newStop, mayExit, faults);
    }

    public SpecSettings withExitAllowed() {
        return new SpecSettings(name, env, workingDirectory, ready, stop, true, faults);
    }

    public SpecSettings withFaults(FaultSpec newFaults) {
        return new SpecSettings(name, env, workingDirectory, ready, stop, mayExit, newFaults);
    }
}
