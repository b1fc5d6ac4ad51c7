package dev.proctest.engine.hub;

import dev.proctest.wire.MalformedMessage;
import dev.proctest.wire.Message;
import dev.proctest.wire.MessageCodec;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the hub turned away, counted: its port is open to every process of the machine, and what
 * comes in from outside the run must cost a line of the log at most, never a flood. The first
 * refusal from each of the first {@value #LOGGED_SOURCES} sources (peer identities) is logged
 * with its reason; later refusals are only counted, and {@link #summarize} says the totals once, as
 * the hub closes at the run's end. Used on the hub's thread, and summarized after it has ended.
 */
final class Refusals {

    private static final Logger LOG = System.getLogger(Hub.class.getName());

    /** How many sources get a line of their own; a peer that makes up a new id per connection gets no more. */
    static final int LOGGED_SOURCES = 10;

    /** How many distinct sources are told apart for the summary: beyond it they are counted as "more than". */
    static final int COUNTED_SOURCES = 10_000;

    private final Set<String> logged = new HashSet<>();
    private final Set<String> sources = new HashSet<>();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong unadmitted = new AtomicLong();
    private final AtomicLong introductions = new AtomicLong();
    private boolean summarized;

    /** A message that does not decode. */
    void malformed(String id, MalformedMessage e) {
        malformed.incrementAndGet();
        if (firstFrom(id)) {
            LOG.log(Level.WARNING, "proctest hub ignored a malformed message from [{0}] (further ones from it are ignored"
                    + " silently): {1}", MessageCodec.printable(id), e.getMessage());
        }
    }

    /** A message from a peer the hub has not admitted. */
    void unadmitted(String id, Message message) {
        unadmitted.incrementAndGet();
        if (firstFrom(id)) {
            LOG.log(Level.WARNING, "proctest hub ignored a {0} message from [{1}], which it has not admitted", message.name(),
                    MessageCodec.printable(id));
        }
    }

    /** A HELLO turned away: an unknown id, a wrong token, another protocol. */
    void refused(String id, String reason) {
        introductions.incrementAndGet();
        if (firstFrom(id)) {
            LOG.log(Level.WARNING, "proctest hub refused a connection: {0}", reason);
        }
    }

    /** Returns how many messages were refused so far. */
    long total() {
        return malformed.get() + unadmitted.get() + introductions.get();
    }

    /** Logs the totals, if anything was refused: once, as the hub closes. */
    synchronized void summarize() {
        long total = total();
        if (total == 0 || summarized) {
            return;
        }
        summarized = true;
        String from = sources.size() >= COUNTED_SOURCES ? "more than " + COUNTED_SOURCES + " sources"
                : sources.size() == 1 ? "1 source" : sources.size() + " sources";
        LOG.log(Level.WARNING, "proctest hub refused {0} messages during the run from {1}: {2} malformed, {3} from"
                + " peers it had not admitted, {4} introductions (HELLO) with an unknown id, a wrong token or another protocol",
                String.valueOf(total), from, String.valueOf(malformed.get()), String.valueOf(unadmitted.get()),
                String.valueOf(introductions.get())); // as digits, whatever the locale: tools read this line
    }

    /** Notes a source; returns whether this is its first refusal that gets a line. */
    private boolean firstFrom(String id) {
        if (sources.size() < COUNTED_SOURCES) {
            sources.add(id);
        }
        if (logged.contains(id) || logged.size() > LOGGED_SOURCES) {
            return false;
        }
        if (logged.size() == LOGGED_SOURCES) {
            logged.add("\0further"); // one line says that the rest are counted only
            LOG.log(Level.WARNING, "proctest hub refused messages from more than {0} sources; further ones are counted, not"
                    + " logged, and the totals come at the run''s end", String.valueOf(LOGGED_SOURCES));
            return false;
        }
        logged.add(id);
        return true;
    }
}
