package dev.proctest.engine.processfixtures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.JavaChild;
import dev.proctest.Level;
import dev.proctest.Logs;
import dev.proctest.ProcessTest;
import dev.proctest.Processes;
import dev.proctest.Ready;
import dev.proctest.engine.children.FrameworkLogging;
import java.time.Duration;

/**
 * Children that log "disk almost full" at WARN and "request failed" at ERROR with an exception
 * "backend unreachable", through {@code java.util.logging} or Logback, under failOnLogged.
 */
public class LoggedFaultTestCase {

    @ProcessTest
    void julErrorFailsTheNextWait(Processes processes, Logs logs) {
        processes.spawn(child("jul").failOnLogged(Level.ERROR));
        logs.within(Duration.ofSeconds(60)).await("never logged");
    }

    @ProcessTest
    void logbackErrorFailsTheNextWait(Processes processes, Logs logs) {
        processes.spawn(child("logback").failOnLogged(Level.ERROR)
                .systemProperty("logback.configurationFile", "proctest-child-logback.xml"));
        logs.within(Duration.ofSeconds(60)).await("never logged");
    }

    @ProcessTest
    void warnBelowTheLevelAndAnAllowedErrorPass(Processes processes, Logs logs) {
        processes.spawn(child("jul").failOnLogged(Level.ERROR).allowLogged("backend unreachable"));
        assertThat(logs.await("request failed").level()).isEqualTo(Level.ERROR);
    }

    @ProcessTest
    void warnAtTheLevelFailsUnlessAllowed(Processes processes, Logs logs) {
        processes.spawn(child("jul").failOnLogged(Level.WARN).allowLogged("^request failed$"));
        logs.within(Duration.ofSeconds(60)).await("never logged");
    }

    /** Passes unless the run sets a level for every child. */
    @ProcessTest
    void noLevelOfItsOwn(Processes processes, Logs logs) {
        processes.spawn(child("jul"));
        logs.await("request failed");
    }

    private static JavaChild child(String framework) {
        return JavaChild.main(FrameworkLogging.class).args(framework).name(framework).readyWhen(Ready.whenSignalled());
    }
}
