package dev.proctest.reliability.orphans;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.platform.console.ConsoleLauncher;

/**
 * A test JVM of the JUnit Console Launcher, on the harness's class path (which has the launcher),
 * started directly: the one the harness starts is the one it kills.
 */
final class ConsoleLauncherJvm implements TestJvm {

    @Override
    public String name() {
        return "console launcher";
    }

    @Override
    public Process start(Path directory, Map<String, String> environment, boolean coverage) throws IOException {
        List<String> command = new ArrayList<>(List.of(TestJvm.java().toString()));
        if (coverage) {
            command.add(TestJvm.coverageAgent(directory));
        }
        command.addAll(TestJvm.properties(directory));
        command.addAll(List.of("-cp", String.join(File.pathSeparator, TestJvm.fixtureClassPath()), ConsoleLauncher.class.getName(),
                "execute", "--disable-banner", "--disable-ansi-colors", "--details=none", "--include-engine=proctest",
                "--select-class", KillFixtureTestCase.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(directory.resolve("test-jvm.log").toFile());
        builder.environment().putAll(environment);
        return builder.start();
    }
}
