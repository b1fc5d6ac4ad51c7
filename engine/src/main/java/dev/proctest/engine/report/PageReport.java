package dev.proctest.engine.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.nio.file.Path;
import org.apiguardian.api.API;

/**
 * Where a failed test's page is, attached to its failure as a suppressed exception: the page shows
 * its children on a timeline, their logs, its messages and calls.
 */
@API(status = INTERNAL, since = "0.1")
public final class PageReport extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PageReport(Path page) {
        super("The test's report, with its children on a timeline, their logs, its messages and calls: " + page.toUri(), null, false,
                false);
    }
}
