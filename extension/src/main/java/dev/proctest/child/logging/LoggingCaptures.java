package dev.proctest.child.logging;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.function.BooleanSupplier;
import org.apiguardian.api.API;

/** Installs the capture of every logging framework the child has. */
@API(status = INTERNAL, since = "0.1")
public final class LoggingCaptures {

    private LoggingCaptures() {}

    /**
     * Captures {@code java.util.logging} always, Logback and Log4j 2 if the child has them. Call it
     * after the plan's system properties are set: it makes the frameworks read their configuration.
     */
    public static void install(RecordSink sink) {
        JulCapture.install(sink);
        if (present("ch.qos.logback.classic.LoggerContext") && present("org.slf4j.LoggerFactory")) {
            tryInstall(() -> LogbackCapture.install(sink), "Logback");
        }
        if (present("org.apache.logging.log4j.core.LoggerContext")) {
            tryInstall(() -> Log4j2Capture.install(sink), "Log4j 2");
        }
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, LoggingCaptures.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** A framework of an unexpected version is not captured; its console output still is, as lines. */
    private static void tryInstall(BooleanSupplier install, String framework) {
        try {
            install.getAsBoolean();
        } catch (RuntimeException | LinkageError e) {
            System.err.println("proctest: cannot capture " + framework + " events (" + e + "); its console output is kept as lines");
        }
    }
}
