package dev.proctest.engine.scope;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.engine.child.RunningChild;
import dev.proctest.engine.links.ScopeLinks;
import dev.proctest.engine.report.ChildrenReport;
import dev.proctest.engine.report.ConversationReport;
import dev.proctest.engine.report.PageFacts;
import dev.proctest.engine.sockets.Transcript;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * What a test's scope, with its class's, has to show: its children, every incarnation of each,
 * oldest first and the class's first; its transcripts and their files; its links; the names of its
 * endpoints by address. Taken before the scope closes, so it still holds what closing lets go of;
 * the children and transcripts are the live ones, which go on to say how they ended.
 *
 * @param started when the test's scope began: its conversation starts here
 */
@API(status = INTERNAL, since = "0.1")
public record ScopeFacts(Instant started, Path logDirectory, List<RunningChild> children, List<Transcript> transcripts,
        List<Path> transcriptFiles, List<ScopeLinks> links, Map<String, String> endpointNames) {

    public ScopeFacts {
        children = children.stream().distinct().toList(); // a shared child the test and its class both use is shown once
    }

    /** What the test's failure shows: its conversation through test sockets, and what its children were doing. */
    public List<RuntimeException> failureReports(int tail) {
        List<RuntimeException> reports = new ArrayList<>();
        List<List<Transcript.Entry>> conversations = new ArrayList<>();
        transcripts.forEach(transcript -> conversations.add(transcript.entriesSince(started)));
        ConversationReport.of(Transcript.merge(conversations), faultsInForce(), tail, transcriptFiles).ifPresent(reports::add);
        ChildrenReport.of(children).ifPresent(reports::add);
        return reports;
    }

    /** Returns the faults in force on the links, each line naming its link; ask outside the scopes' locks: each link answers from its own thread. */
    public List<String> faultsInForce() {
        List<String> faults = new ArrayList<>();
        links.forEach(scopeLinks -> faults.addAll(scopeLinks.faultsInForce()));
        return faults;
    }

    /** Returns what the test's page shows, with the {@code faults} that were in force as it ended. */
    public PageFacts page(List<String> faults) {
        List<List<Transcript.Entry>> conversations = new ArrayList<>();
        Map<String, List<String>> peers = new LinkedHashMap<>();
        long notKept = 0;
        for (Transcript transcript : transcripts) {
            conversations.add(transcript.entriesSince(started));
            transcript.peers().forEach((party, addresses) -> peers.put(party,
                    addresses.stream().map(address -> endpointNames.getOrDefault(address, address)).toList()));
            notKept += transcript.dropped();
        }
        return new PageFacts(logDirectory, children, Transcript.merge(conversations), peers, notKept, faults, transcriptFiles);
    }
}
