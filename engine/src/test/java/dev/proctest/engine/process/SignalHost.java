package dev.proctest.engine.process;

import dev.proctest.engine.stop.Os;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Run by {@code stop.OsTests} in a JVM started with SIGINT and SIGQUIT ignored, as a build started in
 * the background is: prints the signals it ignores, then those of a program it starts as proctest
 * starts children.
 */
public final class SignalHost {

    private SignalHost() {}

    public static void main(String[] args) throws Exception {
        System.out.println("host " + ignoredSignals());
        List<String> command = new ArrayList<>(Os.launchPrefix());
        command.addAll(List.of("grep", "SigIgn", "/proc/self/status"));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        System.out.println("child " + new String(child.getInputStream().readAllBytes()).strip());
        child.waitFor();
    }

    private static String ignoredSignals() throws Exception {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(line -> line.startsWith("SigIgn")).findFirst()
                .orElseThrow();
    }
}
