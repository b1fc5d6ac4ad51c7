package dev.proctest.reliability.loss;

/** What {@link Ledger} counts each record on: spied, so that every call is recorded for the test. */
public class Tally {

    private long last;

    /** Counts record {@code number}; returns the number counted before it. */
    public long count(long number) {
        long before = last;
        last = number;
        return before;
    }
}
