package dev.proctest.reliability.loss;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
                throw new AssertionError("The child's account has " + numbers().size() + " of " + records + " records after "
                        + timeout.toSeconds() + " s: " + file);
            }
            LockSupport.parkNanos(LOOK_NANOS); // the pause between looks inside the deadline: the child must not outrun them by much
        }
    }

    /** Returns the numbers in the account, in the order written; a number cut in the middle of its line is left out. */
    List<Long> numbers() {
        List<Long> numbers = new ArrayList<>();
        try {
            String text = Files.exists(file) ? Files.readString(file, StandardCharsets.US_ASCII) : "";
            int start = 0;
            for (int end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
                numbers.add(Long.parseLong(text.substring(start, end)));
                start = end + 1;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the child's account " + file, e);
        }
        return numbers;
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
