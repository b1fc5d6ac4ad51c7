package dev.proctest.engine.launch;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the program a command names, as the shell would: a name is looked up on the child's
 * {@code PATH}, a path is taken relative to its working directory. Children start through {@code
 * setsid}, which would report a missing program only after the start, so proctest looks first.
 */
final class Programs {

    private Programs() {}

    /** Returns the executable file {@code program} names, or empty if there is none. */
    static Optional<Path> find(String program, Map<String, String> environment, Path workingDirectory) {
        if (program.contains(File.separator)) {
            return executable(workingDirectory.resolve(program));
        }
        for (String directory : path(environment).split(File.pathSeparator)) {
            if (!directory.isEmpty()) {
                Optional<Path> found = executable(Path.of(directory, program));
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    static String path(Map<String, String> environment) {
        return environment.getOrDefault("PATH", "");
    }

    private static Optional<Path> executable(Path candidate) {
        return Files.isRegularFile(candidate) && Files.isExecutable(candidate)
                ? Optional.of(candidate.toAbsolutePath())
                : Optional.empty();
    }
}
