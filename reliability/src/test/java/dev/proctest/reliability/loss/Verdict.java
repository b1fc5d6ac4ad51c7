package dev.proctest.reliability.loss;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.ChildProcess;
import dev.proctest.RecordedCall;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Judges a {@link Ledger} child's log against its own account: the records of the account the log
 * lacks (lost), the records the log holds more than once (doubled), records out of order, and the
 * recorded calls. Prints a line {@link LossTests} reads its figures from.
 */
final class Verdict {

    /** A numbered record's line: from java.util.logging or stdout, with its thread. */
    private static final Pattern RECORD = Pattern.compile("^\\S+ ledger INFO (?:ledger|stdout)(?: \\[[^]]*])? record (\\d+)$");

    private final String route;
    private final Path log;
    private final int accounted;
    private final int expected;
    private final long logged;
    private final long lost;
    private final long doubled;
    private final long outOfOrder;
    private long calls = -1;
    private long callsExpected = -1;
    private long callsOutOfOrder;

    private Verdict(String route, Path log, int accounted, int expected, long logged, long lost, long doubled, long outOfOrder) {
        this.route = route;
        this.log = log;
        this.accounted = accounted;
        this.expected = expected;
        this.logged = logged;
        this.lost = lost;
        this.doubled = doubled;
        this.outOfOrder = outOfOrder;
    }

    /**
     * Reads the complete log of {@code child} and its {@code account}.
     *
     * @param expected how many records the child writes before it ends by itself, -1 for a child cut off
     */
    static Verdict of(String route, ChildProcess child, Account account, int expected) {
        Account.Numbers numbers = account.numbers();
        BitSet seen = new BitSet();
        long logged = 0;
        long doubled = 0;
        long outOfOrder = 0;
        long last = 0;
        Path log = child.logFile();
        try (BufferedReader lines = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                Matcher record = RECORD.matcher(line);
                if (record.matches()) {
                    int number = Integer.parseInt(record.group(1));
                    logged++;
                    if (seen.get(number)) {
                        doubled++;
                    }
                    if (number != last + 1) {
                        outOfOrder++;
                    }
                    seen.set(number);
                    last = number;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the child's log " + log, e);
        }
        BitSet missing = (BitSet) numbers.set().clone();
        missing.andNot(seen);
        return new Verdict(route, log, numbers.count(), expected, logged, missing.cardinality(), doubled, outOfOrder);
    }


    /** Adds the calls recorded on {@link Tally}: {@code expected} of them, counting 1 to {@code expected} in order. */
    Verdict withCalls(List<RecordedCall> recorded, long expected) {
        calls = recorded.size();
        callsExpected = expected;
        for (int i = 0; i < recorded.size(); i++) {
            if (recorded.get(i).argument(0, Long.class) != i + 1) {
                callsOutOfOrder++;
            }
        }
        return this;
    }

    /** Prints the verdict's line: {@code LOSS route accounted= logged= lost= doubled= calls=}. */
    Verdict report() {
        System.out.println("LOSS " + route + " accounted=" + accounted + " logged=" + logged + " lost=" + lost + " doubled=" + doubled
                + " outOfOrder=" + outOfOrder + " calls=" + (calls < 0 ? "-" : calls + "/" + callsExpected));
        return this;
    }

    void assertNothingLost() {
        assertThat(lost).as("records of the child's account missing from its log %s", log).isZero();
        assertThat(doubled).as("records twice in %s", log).isZero();
        assertThat(outOfOrder).as("records out of order in %s", log).isZero();
        if (expected >= 0) {
            assertThat(accounted).as("records in the child's account").isEqualTo(expected);
        }
        if (callsExpected >= 0) {
            assertThat(calls).as("calls recorded on Tally").isEqualTo(callsExpected);
            assertThat(callsOutOfOrder).as("recorded calls out of order").isZero();
        }
    }
}
