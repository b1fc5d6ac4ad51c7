package dev.proctest.engine.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.engine.sockets.Transcript;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The messages a failed test's sockets and line clients sent and received, attached to its failure
 * as a suppressed exception: the last ones, and where the whole transcript is.
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
     * @param files where the full transcripts are written when their scopes end
     */
    public static Optional<ConversationReport> of(List<Transcript.Entry> entries, int tail, List<Path> files) {
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder("What the test's sockets sent and received:");
        text.append(Transcript.tail(entries, tail));
        files.forEach(file -> text.append("\nFull transcript: ").append(file));
        return Optional.of(new ConversationReport(text.toString()));
    }
}
