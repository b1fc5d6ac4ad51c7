package dev.proctest.engine.report;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What one run did: its tests of every engine with their outcomes and pages, and how many
 * children started and ended. Becomes the run's entry in the index and the lines the run ends with.
 */
record RunSummary(String id, Instant started, Instant ended, List<Test> tests, int childrenStarted, int childrenEnded) {

    /** How many classes the closing lines name, those whose children ran longest. */
    private static final int CLASSES_SHOWN = 10;
    private static final int MESSAGE_CHARS = 2_000;

    /**
     * A test, or a container that failed or was skipped, as the index lists it.
     *
     * @param path the display names from its class down to it
     * @param owner the display names from its class down to its innermost class, as the closing lines group tests
     * @param page its page, or null (a test of another engine, or one that never ran)
     */
    record Test(String id, List<String> path, String owner, String engine, boolean isTest, String outcome, long millis, String message,
            RunTally.Page page) {}

    /** The run's entry in the index; pages are linked relative to {@code root}. */
    Map<String, Object> facts(Path root) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("format", ReportFiles.FORMAT);
        facts.put("id", id);
        facts.put("started", started.toEpochMilli());
        facts.put("ended", ended.toEpochMilli());
        facts.put("java", System.getProperty("java.version"));
        facts.put("directory", System.getProperty("user.dir"));
        facts.put("childrenStarted", childrenStarted);
        facts.put("childrenEnded", childrenEnded);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Test test : tests) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", test.id());
            row.put("path", test.path());
            row.put("engine", test.engine());
            row.put("test", test.isTest());
            row.put("outcome", test.outcome());
            row.put("millis", test.millis());
            row.put("message", test.message() == null ? null
                    : test.message().length() > MESSAGE_CHARS ? test.message().substring(0, MESSAGE_CHARS) + "…" : test.message());
            if (test.page() != null) {
                row.put("page", ReportFiles.link(root, test.page().file()));
                row.put("children", test.page().childNames());
                row.put("childMillis", test.page().childMillis());
            }
            rows.add(row);
        }
        facts.put("tests", rows);
        return facts;
    }

    /**
     * The lines the run ends with: for the classes whose children lived longest, their children and
     * for how long; then the one line that sums the run up and gives the report's path.
     */
    String lines(Path index) {
        return classLines() + summaryLine(index);
    }

    private String summaryLine(Path index) {
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        for (String outcome : List.of("failed", "aborted", "skipped", "passed")) {
            outcomes.put(outcome, 0);
        }
        tests.stream().filter(Test::isTest).forEach(test -> outcomes.merge(test.outcome(), 1, Integer::sum));
        long failedContainers = tests.stream().filter(test -> !test.isTest() && test.outcome().equals("failed")).count();
        long testCount = tests.stream().filter(Test::isTest).count();
        StringBuilder line = new StringBuilder("proctest: ").append(testCount).append(testCount == 1 ? " test (" : " tests (");
        List<String> counts = new ArrayList<>();
        outcomes.forEach((outcome, count) -> {
            if (count > 0) {
                counts.add(count + " " + outcome);
            }
        });
        line.append(counts.isEmpty() ? "none ran" : String.join(", ", counts)).append(')');
        if (failedContainers > 0) {
            line.append(", ").append(failedContainers).append(failedContainers == 1 ? " class or engine failed" : " classes or engines failed");
        }
        line.append("; ").append(childrenStarted).append(childrenStarted == 1 ? " child" : " children").append(" started, ")
                .append(childrenEnded).append(" stopped");
        if (childrenEnded < childrenStarted) {
            line.append(" (").append(childrenStarted - childrenEnded).append(" still ending as the run ends)");
        }
        return line.append("; ").append(Duration.between(started, ended).toMillis() / 100 / 10.0).append(" s; report ").append(index.toUri())
                .toString();
    }

    /** A heading and a line per class with children, longest-lived first, or nothing if no test had children. */
    private String classLines() {
        Map<String, long[]> byClass = new LinkedHashMap<>();
        Map<String, TreeSet<String>> namesByClass = new LinkedHashMap<>();
        for (Test test : tests) {
            if (test.page() != null && test.page().children() > 0) {
                long[] sums = byClass.computeIfAbsent(test.owner(), owner -> new long[3]);
                sums[0]++;
                sums[1] += test.page().children();
                sums[2] += test.page().childMillis();
                namesByClass.computeIfAbsent(test.owner(), owner -> new TreeSet<>()).addAll(test.page().childNames());
            }
        }
        if (byClass.isEmpty()) {
            return "";
        }
        List<String> owners = new ArrayList<>(byClass.keySet());
        owners.sort(Comparator.comparingLong((String owner) -> byClass.get(owner)[2]).reversed());
        StringBuilder lines = new StringBuilder("proctest: the children of each test class, longest-lived first\n");
        for (String owner : owners.subList(0, Math.min(CLASSES_SHOWN, owners.size()))) {
            long[] sums = byClass.get(owner);
            lines.append("  ").append(owner).append(": ").append(sums[1]).append(sums[1] == 1 ? " child" : " children").append(" in ")
                    .append(sums[0]).append(sums[0] == 1 ? " test" : " tests").append(" (").append(String.join(", ", namesByClass.get(owner)))
                    .append("), ").append(sums[2] / 100 / 10.0).append(" s alive\n");
        }
        if (owners.size() > CLASSES_SHOWN) {
            lines.append("  and ").append(owners.size() - CLASSES_SHOWN).append(" more classes with children: see the report\n");
        }
        return lines.toString();
    }
}
