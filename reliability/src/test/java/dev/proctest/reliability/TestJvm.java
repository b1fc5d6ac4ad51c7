package dev.proctest.reliability;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * A test JVM of the suite's own, started as a process: runs the test class named by its last
 * argument as a build tool would, after starting as many busy threads as its first argument says,
 * so that the test JVM is slowed down. Prints the summary and each failure; exits with 0 only if
 * tests ran and all passed.
 *
 * <p>Start it with {@link #command}, which puts the suite's class path and the given JVM options
 * on its command line.
 */
public final class TestJvm {

    private TestJvm() {}

    public static void main(String[] args) throws ClassNotFoundException {
        int busy = Integer.parseInt(args[0]);
        for (int i = 0; i < busy; i++) {
            Thread spinner = new Thread(TestJvm::spin, "busy-" + i);
            spinner.setDaemon(true);
            spinner.start();
        }
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(Class.forName(args[1]))).build(),
                listener);
        TestExecutionSummary summary = listener.getSummary();
        PrintWriter out = new PrintWriter(System.out, true);
        summary.printTo(out);
        summary.printFailuresTo(out, 20);
        out.flush();
        System.exit(summary.getTestsStartedCount() > 0 && summary.getTotalFailureCount() == 0 ? 0 : 1);
    }

    /** The command that starts a test JVM running {@code testClass} with {@code busyThreads} busy threads. */
    public static List<String> command(List<String> jvmOptions, int busyThreads, Class<?> testClass) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(TestJvm.class.getName());
        command.add(String.valueOf(busyThreads));
        command.add(testClass.getName());
        return command;
    }

    /** Keeps a core busy, as a test thread that computes would. */
    private static void spin() {
        long x = 0;
        while (true) {
            x = x * 31 + System.nanoTime();
            if (x == 42) {
                Thread.yield(); // never, in practice; keeps the loop from being optimized away
            }
        }
    }
}
