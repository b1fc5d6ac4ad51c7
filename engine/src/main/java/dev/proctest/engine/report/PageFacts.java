package dev.proctest.engine.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.engine.sockets.Transcript;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * What a test's page shows of its scope and its class's, taken as the test ends.
 *
 * @param children every incarnation of each child, the class's first, oldest first
 * @param conversation the messages of its sockets, line clients and links since it began, in time order
 * @param peers the endpoints each socket or line client attached to, by their names where they have one
 * @param notKept how many earlier messages its transcripts did not keep
 * @param faults the faults in force on its links as it ended, each line naming its link
 * @param transcriptFiles where its transcripts are written
 */
@API(status = INTERNAL, since = "0.1")
public record PageFacts(Path logDirectory, List<? extends ReportedChild> children, List<Transcript.Entry> conversation,
        Map<String, List<String>> peers, long notKept, List<String> faults, List<Path> transcriptFiles) {}
