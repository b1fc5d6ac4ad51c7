package dev.proctest.engine.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.engine.sockets.Transcript;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The messages a failed test's sockets and line clients sent and received, and what its links did,
 * attached to its failure as a suppressed exception: the last ones, the faults its links had in
 * force, and where the whole transcript is.
 */
@API(status = INTERNAL, since = "0.1")
public final class ConversationReport extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private ConversationReport(String message) {
        super(message, null, false, false);
    }

    /**
     * Returns the report on {@code entries}, showing the last {@code tail} of them, or empty if there
     * are none.
     *
     * @param faults one line for each link with faults in force
     * @param files where the full transcripts are written when their scopes end
     */
    public static Optional<ConversationReport> of(List<Transcript.Entry> entries, List<String> faults, int tail, List<Path> files) {
        if (entries.isEmpty() && faults.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder("What the test's sockets and links did:");
        text.append(Transcript.tail(entries, tail));
        if (!faults.isEmpty()) {
            text.append("\nFaults in force:");
            faults.forEach(fault -> text.append("\n  ").append(fault));
        }
        files.forEach(file -> text.append("\nFull transcript: ").append(file));
        return Optional.of(new ConversationReport(text.toString()));
    }
}
