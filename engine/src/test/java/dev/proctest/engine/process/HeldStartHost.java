package dev.proctest.engine.process;

import dev.proctest.CommandChild;
import dev.proctest.engine.config.Configuration;
import dev.proctest.engine.launch.ClassDataArchives;
import dev.proctest.engine.launch.Launcher;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.engine.ConfigurationParameters;

/**
 * A test JVM for {@link HeldStartTests} that dies the moment after it started a shell child, before
 * it could register the child's process group with the reaper: prints the child's pid and halts,
 * running no shutdown hook, as a JVM killed with SIGKILL does. The shell would touch the file {@code
 * args[0]} names, and then start two children of its own.
 */
public final class HeldStartHost {

    private HeldStartHost() {}

    public static void main(String[] args) {
        Launcher launcher = new Launcher(Configuration.from(new NoParameters()), Optional.empty(),
                new ClassDataArchives(false, Path.of(args[1]), process -> {}, process -> {}));
        ProcessBuilder shell = launcher.command(CommandChild.of("sh", "-c", "touch '" + args[0] + "'; sleep 305 & sleep 306"), "shell");
        Process child = Launcher.start(shell, "shell");
        System.out.println("PID " + child.pid());
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }

    /** No configuration parameters: every setting at its default. */
    private static final class NoParameters implements ConfigurationParameters {

        @Override
        public Optional<String> get(String key) {
            return Optional.empty();
        }

        @Override
        public Optional<Boolean> getBoolean(String key) {
            return Optional.empty();
        }

        /** What JUnit 5's interface asks for, deprecated there; JUnit 6's has no such method. */
        @Deprecated
        public int size() {
            return 0;
        }

        @Override
        public Set<String> keySet() {
            return Set.of();
        }
    }
}
