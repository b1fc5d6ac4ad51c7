package dev.proctest.engine.sockets;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.engine.support.PrivateFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Every message the test sockets and line clients of one scope sent or received, in order: the
 * conversation a failure shows. Keeps the newest {@code retained} entries and counts the older
 * ones; entries are rendered only when shown.
 */
@API(status = INTERNAL, since = "0.1")
public final class Transcript {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    /**
     * One message that {@code party} sent or received, or something else it did ({@code action}),
     * such as a link dropping a message or taking on a fault; {@code frames} are empty for an action
     * on no message.
     */
    public record Entry(Instant time, String party, String action, List<byte[]> frames) {

        /** {@code 12:00:01.234 REQ#1 sent     ["ping"]}. */
        public String line() {
            String head = TIME.format(time) + " " + party + " " + String.format("%-8s", action);
            return frames.isEmpty() ? head.stripTrailing() : head + " " + Frames.render(frames);
        }

        /** Each frame as a line shows it: text quoted, bytes in hex, long ones cut. */
        public List<String> renderedFrames() {
            return frames.stream().map(Frames::render).toList();
        }
    }

    private final int retained;
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private long dropped;
    private final Map<String, List<String>> peers = new LinkedHashMap<>();

    public Transcript(int retained) {
        this.retained = retained;
    }

    void sent(String party, List<byte[]> frames) {
        add(new Entry(Instant.now(), party, "sent", frames));
    }

    void received(String party, List<byte[]> frames) {
        add(new Entry(Instant.now(), party, "received", frames));
    }

    /** Records what {@code party} did, on {@code frames} or on no message (none). */
    public void note(String party, String action, List<byte[]> frames) {
        add(new Entry(Instant.now(), party, action, List.copyOf(frames)));
    }

    /** Says that {@code party} connected or bound to {@code address}: its messages go there and come from there. */
    synchronized void peer(String party, String address) {
        peers.computeIfAbsent(party, key -> new ArrayList<>()).add(address);
    }

    /** Returns the addresses of each party that has any, in the order it attached to them. */
    public synchronized Map<String, List<String>> peers() {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        peers.forEach((party, addresses) -> copy.put(party, List.copyOf(addresses)));
        return copy;
    }

    private synchronized void add(Entry entry) {
        if (retained == 0) {
            dropped++;
            return;
        }
        if (entries.size() == retained) {
            entries.removeFirst();
            dropped++;
        }
        entries.addLast(entry);
    }

    public synchronized boolean isEmpty() {
        return entries.isEmpty() && dropped == 0;
    }

    /** Returns the kept entries from {@code since} on. */
    public synchronized List<Entry> entriesSince(Instant since) {
        return entries.stream().filter(entry -> !entry.time().isBefore(since)).toList();
    }

    /** Returns how many entries were not kept. */
    public synchronized long dropped() {
        return dropped;
    }

    /** Writes the transcript to {@code file}, one line per message. */
    public void write(Path file) {
        List<Entry> kept;
        long notKept;
        synchronized (this) {
            kept = List.copyOf(entries);
            notKept = dropped;
        }
        try {
            try (BufferedWriter writer = Files.newBufferedWriter(PrivateFiles.prepare(file), StandardCharsets.UTF_8)) {
                if (notKept > 0) {
                    writer.write("(" + notKept + " earlier messages not kept; proctest.transcript.retained keeps more)");
                    writer.newLine();
                }
                for (Entry entry : kept) {
                    writer.write(entry.line());
                    writer.newLine();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the transcript " + file, e);
        }
    }

    /** Merges the entries of several transcripts by time, keeping each one's order. */
    public static List<Entry> merge(List<List<Entry>> transcripts) {
        List<Entry> merged = new ArrayList<>();
        transcripts.forEach(merged::addAll);
        merged.sort(Comparator.comparing(Entry::time)); // stable: equal times keep their order
        return merged;
    }

    /** Renders the last {@code count} of {@code entries}, one per line, indented. */
    public static String tail(List<Entry> entries, int count) {
        List<Entry> last = entries.subList(Math.max(0, entries.size() - count), entries.size());
        StringBuilder text = new StringBuilder();
        if (last.size() < entries.size()) {
            text.append("\n  (").append(entries.size() - last.size()).append(" earlier messages)");
        }
        last.forEach(entry -> text.append("\n  ").append(entry.line()));
        return text.toString();
    }
}
