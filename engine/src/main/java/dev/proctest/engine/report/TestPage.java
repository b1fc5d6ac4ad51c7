package dev.proctest.engine.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.LogRecord;
import dev.proctest.RecordedCall;
import dev.proctest.engine.sockets.Transcript;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;
import org.opentest4j.TestAbortedException;

/**
 * The page of one test, {@code report.html} beside its children's logs: its outcome and failure,
 * the timeline of its children, their log records in time order, the conversation of its sockets
 * and links as a sequence chart, and the calls its children recorded. Shared children the test
 * used are on it too, marked shared; the run's tally counts them apart from each test's own.
 * Everything on it comes from what the run recorded.
 */
@API(status = INTERNAL, since = "0.1")
public final class TestPage {

    /** The page's file name in the test's log directory. */
    public static final String FILE = "report.html";
    /** How many log records a page shows, the newest; the logs it links have them all. */
    static final int RECORDS_SHOWN = 5_000;
    /** How many messages and calls a page shows, the newest. */
    static final int MESSAGES_SHOWN = 5_000;

    private TestPage() {}

    /**
     * The test: its unique id, the display names above it and its own, when it began, when its
     * own code ended ({@code @AfterEach} methods and the scope's end to come), and when its scope began to end.
     */
    public record Test(String uniqueId, String owner, String name, Instant started, Instant bodyEnded, Instant closing) {}

    /** Returns where the page of a test whose log directory is {@code logDirectory} goes. */
    public static Path file(Path logDirectory) {
        return logDirectory.resolve(FILE);
    }

    /**
     * Writes the page of a test that ran from {@code started} until now, and tells the run's tally.
     *
     * @param failure what failed the test, or aborted it, or null if it passed
     */
    public static void write(Path reportsDir, Test test, PageFacts facts, Throwable failure) {
        Instant started = test.started();
        Path file = file(facts.logDirectory());
        Instant ended = Instant.now();
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("format", ReportFiles.FORMAT);
        page.put("test", test(test, ended, failure));
        page.put("index", ReportFiles.link(file.getParent(), reportsDir.resolve(RunIndex.FILE)));
        List<Map<String, Object>> children = new ArrayList<>();
        long childMillis = 0;
        Set<String> names = new HashSet<>();
        int owned = 0;
        for (ReportedChild child : facts.children()) {
            children.add(child(child, file.getParent()));
            if (child.events().isShared()) { // the run's: the closing lines count it once, not once per test that used it
                continue;
            }
            owned++;
            names.add(child.name());
            Instant end = child.exitCode().isPresent() ? lastEvent(child) : ended;
            childMillis += Math.max(0, end.toEpochMilli() - Math.max(child.events().startedAt().toEpochMilli(), started.toEpochMilli()));
        }
        page.put("children", children);
        page.put("records", records(facts.children()));
        page.put("messages", messages(facts));
        page.put("calls", calls(facts.children()));
        page.put("files", facts.transcriptFiles().stream().filter(path -> path.toFile().isFile())
                .map(path -> ReportFiles.link(file.getParent(), path)).toList());
        page.put("faults", facts.faults());
        ReportFiles.page(file, reportsDir, test.owner() + " › " + test.name(), page);
        RunTally.of(reportsDir).page(test.uniqueId(), new RunTally.Page(file, List.copyOf(names), owned, childMillis));
    }

    private static Map<String, Object> test(Test facts, Instant ended, Throwable failure) {
        Map<String, Object> test = new LinkedHashMap<>();
        test.put("id", facts.uniqueId());
        test.put("className", facts.owner());
        test.put("name", facts.name());
        test.put("outcome", failure == null ? "passed" : failure instanceof TestAbortedException ? "aborted" : "failed");
        test.put("started", facts.started().toEpochMilli());
        test.put("bodyEnded", facts.bodyEnded().toEpochMilli());
        test.put("closing", facts.closing().toEpochMilli());
        test.put("ended", ended.toEpochMilli());
        if (failure != null) {
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            test.put("failure", trace.toString());
        }
        return test;
    }

    private static Map<String, Object> child(ReportedChild child, Path pageDirectory) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("name", child.name());
        facts.put("pid", child.pid());
        facts.put("shared", child.events().isShared());
        facts.put("log", ReportFiles.link(pageDirectory, child.log().file()));
        facts.put("exit", child.exitCode().isPresent() ? child.exitCode().getAsInt() : null);
        facts.put("paused", child.isPaused());
        List<Map<String, Object>> events = new ArrayList<>();
        for (ChildEvents.Event event : child.events().all()) {
            events.add(Map.of("t", event.time().toEpochMilli(), "what", event.what(), "detail", event.detail()));
        }
        facts.put("events", events);
        facts.put("eventsDropped", child.events().dropped());
        return facts;
    }

    private static Instant lastEvent(ReportedChild child) {
        List<ChildEvents.Event> events = child.events().all();
        return events.isEmpty() ? Instant.now() : events.get(events.size() - 1).time();
    }

    /** The children's newest records, each once (a restarted child's incarnations share their log), in time order. */
    private static Map<String, Object> records(List<? extends ReportedChild> children) {
        List<LogRecord> all = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        long total = 0;
        Map<String, Long> counted = new LinkedHashMap<>();
        for (ReportedChild child : children) {
            for (LogRecord record : child.log().retained().all()) {
                if (seen.add(record.child() + "#" + record.sequence())) {
                    all.add(record);
                }
            }
            counted.merge(child.name(), child.log().retained().lastNumber(), Math::max);
        }
        for (long count : counted.values()) {
            total += count;
        }
        all.sort(Comparator.comparing(LogRecord::time));
        List<LogRecord> shown = all.subList(Math.max(0, all.size() - RECORDS_SHOWN), all.size());
        List<Map<String, Object>> rows = new ArrayList<>(shown.size());
        for (LogRecord record : shown) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("t", record.time().toEpochMilli());
            row.put("child", record.child());
            row.put("level", record.level().name());
            row.put("logger", record.logger());
            row.put("thread", record.thread());
            row.put("message", record.message());
            record.throwable().ifPresent(thrown -> row.put("thrown", thrown.toString()));
            rows.add(row);
        }
        return Map.of("shown", rows, "total", total);
    }

    private static Map<String, Object> messages(PageFacts facts) {
        List<Transcript.Entry> entries = facts.conversation();
        List<Transcript.Entry> shown = entries.subList(Math.max(0, entries.size() - MESSAGES_SHOWN), entries.size());
        List<Map<String, Object>> rows = new ArrayList<>(shown.size());
        for (Transcript.Entry entry : shown) {
            rows.add(Map.of("t", entry.time().toEpochMilli(), "party", entry.party(), "action", entry.action(),
                    "frames", entry.renderedFrames()));
        }
        return Map.of("shown", rows, "earlier", facts.notKept() + entries.size() - shown.size(), "peers", facts.peers());
    }

    private static List<Map<String, Object>> calls(List<? extends ReportedChild> children) {
        List<RecordedCall> all = new ArrayList<>();
        Set<Object> seen = new HashSet<>();
        for (ReportedChild child : children) {
            if (seen.add(child.recordedCalls())) {
                all.addAll(child.recordedCalls().calls());
            }
        }
        all.sort(Comparator.comparing(RecordedCall::time));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RecordedCall call : all.subList(Math.max(0, all.size() - MESSAGES_SHOWN), all.size())) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("t", call.time().toEpochMilli());
            row.put("child", call.child());
            row.put("call", call.toString());
            row.put("thread", call.thread());
            rows.add(row);
        }
        return rows;
    }
}
