package dev.proctest.reliability.loss;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.BitSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** {@link Ledger}'s own account of the records it wrote: a side file of their numbers, one per line. */
final class Account {

    private static final long LOOK_NANOS = TimeUnit.MICROSECONDS.toNanos(500);

    private final Path file;

    private Account(Path file) {
        this.file = file;
    }

    static Account in(Path directory) {
        return new Account(directory.resolve("account.txt"));
    }

    Path file() {
        return file;
    }

    /** Waits until the account holds at least {@code records} numbers: the child has written that many. */
    void awaitAtLeast(int records, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long bytes = bytesOfFirst(records);
        while (size() < bytes) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The child's account has " + numbers().count() + " of " + records + " records after "
                        + timeout.toSeconds() + " s: " + file);
            }
            LockSupport.parkNanos(LOOK_NANOS); // the pause between looks inside the deadline: the child must not outrun them by much
        }
    }

    /** The numbers in the account, as a set, and how many lines held them. */
    record Numbers(BitSet set, int count) {}

    /** Returns the numbers in the account; a number cut in the middle of its line is left out. */
    Numbers numbers() {
        BitSet set = new BitSet();
        int count = 0;
        if (!Files.exists(file)) {
            return new Numbers(set, 0);
        }
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            long complete = size(); // a line being written as it is read may lack its end: only whole lines count
            long read = 0;
            for (String line = lines.readLine(); line != null && (read += line.length() + 1) <= complete; line = lines.readLine()) {
                set.set(Integer.parseInt(line));
                count++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the child's account " + file, e);
        }
        return new Numbers(set, count);
    }

    private long size() {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The size of the account once it holds "1\n" to "records\n". */
    private static long bytesOfFirst(long records) {
        long bytes = 0;
        for (long digits = 1, low = 1; low <= records; digits++, low *= 10) {
            bytes += (Math.min(records, low * 10 - 1) - low + 1) * (digits + 1);
        }
        return bytes;
    }
}
