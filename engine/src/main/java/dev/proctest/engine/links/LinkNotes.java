package dev.proctest.engine.links;

import dev.proctest.engine.sockets.Transcript;
import java.util.List;

/** What a link says in the test's transcript: the faults it took on and lifted, and what it dropped or held. */
final class LinkNotes {

    private final Transcript transcript;
    private final String party;

    LinkNotes(Transcript transcript, String party) {
        this.transcript = transcript;
        this.party = party;
    }

    void fault(String what) {
        transcript.note(party, what, List.of());
    }

    void message(String what, Direction direction, List<byte[]> frames) {
        transcript.note(party, what + " " + direction.name, frames);
    }

    /** One end of a connection broke it, or the target did not take it: the link resets the other end. */
    void connectionFailed(boolean connected, Exception cause) {
        transcript.note(party, (connected ? "reset a connection that broke: " : "reset a client, as its target did not take the connection: ")
                + cause.getMessage(), List.of());
    }

    void trouble(Exception cause) {
        transcript.note(party, "trouble on its thread: " + cause, List.of());
    }
}
