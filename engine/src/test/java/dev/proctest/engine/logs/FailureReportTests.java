package dev.proctest.engine.logs;

import static dev.proctest.engine.ProcTestKit.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.proctest.engine.Outcomes;
import dev.proctest.engine.processfixtures.FailingWithChildrenTestCase;
import dev.proctest.engine.report.PageReport;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** A red build shows what every child of the failed test was doing, without a re-run. */
class FailureReportTests {

    @Test
    void failureCarriesEachChildsStateLastLogLinesAndLogFile() {
        Throwable failure = Outcomes.failureOf(execute(selectClass(FailingWithChildrenTestCase.class)), "failsWhileItsChildrenAreUp");

        assertThat(failure).isInstanceOf(AssertionFailedError.class).hasMessageContaining("the order's state");
        assertThat(failure.getSuppressed()).hasSize(2);
        assertThat(failure.getSuppressed()[1]).isInstanceOf(PageReport.class).hasMessageEndingWith("failsWhileItsChildrenAreUp/report.html");
        assertThat(failure.getSuppressed()[0]).satisfies(report -> assertThat(report.getMessage())
                .startsWith("What the test's children were doing when it failed:")
                .containsPattern("Child 'orders' \\(pid \\d+, running\\)\\.")
                .contains(" orders ERROR orders.service [main] request failed", "java.lang.IllegalStateException: backend unreachable")
                .containsPattern("Child 'payments' \\(pid \\d+, exited with code 3\\)\\.")
                .contains(" payments INFO stdout [main] cannot bind, giving up")
                .contains("full log: ", "failsWhileItsChildrenAreUp/orders.log", "failsWhileItsChildrenAreUp/payments.log"));
    }
}
