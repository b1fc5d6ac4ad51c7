package dev.proctest.engine.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.Signal;
import dev.proctest.engine.launch.ClassPath;
import dev.proctest.engine.stop.Os;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A program that is no JVM does not outlive a test JVM that dies between its start and its
 * registration with the reaper: it is held at its start until then, and never runs.
 */
@EnabledOnOs({OS.LINUX, OS.MAC}) // where children start in process groups of their own, and a reaper ends them
class HeldStartTests {

    @Test
    void commandChildNeverRunsWhenItsTestJvmDiesBeforeRegisteringIt(@TempDir Path directory) throws Exception {
        Path ran = directory.resolve("ran");
        Process testJvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                String.join(File.pathSeparator, ClassPath.of(HeldStartTests.class.getClassLoader())), HeldStartHost.class.getName(),
                ran.toString(), directory.resolve("cds").toString()).redirectErrorStream(true).start();
        long child;
        try (BufferedReader output = new BufferedReader(new InputStreamReader(testJvm.getInputStream(), StandardCharsets.UTF_8))) {
            String line = output.readLine();
            assertThat(line).as("the host's pid line").startsWith("PID ");
            child = Long.parseLong(line.substring("PID ".length()));
        }
        try {
            assertThat(testJvm.waitFor(20, TimeUnit.SECONDS)).as("the host halted").isTrue();
            ProcessHandle shell = ProcessHandle.of(child).orElse(null);
            assertThat(shell == null || shell.onExit().completeOnTimeout(null, 5, TimeUnit.SECONDS).get() != null)
                    .as("the shell child ended within 5 s of its test JVM").isTrue();
            assertThat(ran).as("what the shell would have done, had it run its program").doesNotExist();
        } finally {
            testJvm.destroyForcibly();
            Os.signalGroup(child, Signal.KILL); // the shell's group: itself and its two sleeps, on the old code
        }
    }
}
