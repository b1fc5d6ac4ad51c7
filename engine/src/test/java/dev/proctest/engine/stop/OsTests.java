package dev.proctest.engine.stop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.proctest.engine.launch.ClassPath;
import dev.proctest.engine.process.SignalHost;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Children start as a terminal would start them, however the build was started. */
class OsTests {

    /** SigIgn is a mask: bit n-1 for signal n. SIGINT is 2, SIGQUIT 3. */
    private static final long SIGINT = 1L << 1;
    private static final long SIGQUIT = 1L << 2;

    @Test
    void childrenHandleEverySignalTheDefaultWayThoughTheBuildIgnoresSigint() throws Exception {
        assumeTrue(Files.exists(Path.of("/proc/self/status")), "the signal masks are read from /proc");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = String.join(File.pathSeparator, ClassPath.of(OsTests.class.getClassLoader()));
        Process host = new ProcessBuilder("sh", "-c", "trap '' INT QUIT; exec \"$0\" -cp \"$1\" " + SignalHost.class.getName(), java,
                classPath).redirectErrorStream(true).start();
        String output = new String(host.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(host.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(mask(output, "host") & SIGINT).as("SIGINT ignored by the host JVM; its output:\n%s", output).isNotZero();
        assertThat(mask(output, "child") & (SIGINT | SIGQUIT)).as("SIGINT or SIGQUIT ignored by its child; the output:\n%s", output)
                .isZero();
    }

    private static long mask(String output, String whose) {
        String line = output.lines().filter(candidate -> candidate.startsWith(whose + " SigIgn:")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + whose + " SigIgn line in:\n" + output));
        return Long.parseUnsignedLong(line.substring(line.indexOf(':') + 1).strip(), 16);
    }
}
