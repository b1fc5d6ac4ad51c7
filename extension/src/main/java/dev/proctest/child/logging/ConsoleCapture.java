package dev.proctest.child.logging;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.proctest.child.time.OutsideWaits;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import org.apiguardian.api.API;

/**
 * Tees {@code System.out} and {@code System.err}: every byte still goes to the original stream,
 * which the test JVM reads as it always did, and every complete line becomes a record, or part of
 * the echo of the logging event being appended on the writing thread.
 */
@API(status = INTERNAL, since = "0.1")
public final class ConsoleCapture {

    private static volatile Tee out;
    private static volatile Tee err;

    private ConsoleCapture() {}

    /**
     * How many lines had been written to stdout and to stderr at a moment when neither stream was
     * in the middle of a write: every line on the pipes then is one of these, or was written past
     * this capture.
     */
    public record Lines(long stdout, long stderr) {}

    /** Replaces {@code System.out} and {@code System.err} with tees that feed {@code sink}. */
    public static void install(RecordSink sink) {
        out = new Tee(System.out, false, sink);
        err = new Tee(System.err, true, sink);
        System.setOut(tee(out, "stdout.encoding", "sun.stdout.encoding"));
        System.setErr(tee(err, "stderr.encoding", "sun.stderr.encoding"));
    }

    /**
     * Returns how many lines each stream has had, or null if a write is under way on one: its
     * bytes may be on the pipe before the line has its number. Never waits for a writer.
     */
    public static Lines linesWritten() {
        Tee stdout = out;
        Tee stderr = err;
        if (stdout == null) {
            return new Lines(0, 0);
        }
        long outLines = stdout.linesBetweenWrites();
        long errLines = stderr.linesBetweenWrites();
        return outLines < 0 || errLines < 0 ? null : new Lines(outLines, errLines);
    }

    /**
     * Returns whether the sink has the record of each of these lines: the line's own, or that of
     * the logging event that printed it. Lines numbered later do not count, so a child that logs
     * without pause still gets a yes as soon as the events under way at the count are recorded.
     */
    public static boolean sinkHas(Lines lines) {
        return !Echo.holdsLinesBefore(lines.stdout(), lines.stderr());
    }

    /**
     * Encodes characters as the original stream does: by the first of its encoding properties that
     * is set ({@code stdout.encoding} from JDK 19, {@code sun.stdout.encoding} before), else the default.
     */
    private static PrintStream tee(Tee tee, String... encodingProperties) {
        Charset charset = Charset.defaultCharset();
        for (String property : encodingProperties) {
            String encoding = System.getProperty(property);
            if (encoding != null && Charset.isSupported(encoding)) {
                charset = Charset.forName(encoding);
                break;
            }
        }
        return new PrintStream(tee, true, charset);
    }

    /**
     * Splits what passes through into lines, in the order the original stream gets the bytes, and
     * numbers them in that order: the test JVM matches the pipe's lines against the records by
     * these numbers, whichever record carries them and whenever it is sent.
     */
    private static final class Tee extends OutputStream {

        private final PrintStream original;
        private final boolean stderr;
        private final RecordSink sink;
        private final LineBuffer line = new LineBuffer();
        /** Lines numbered so far; written under this tee's lock. */
        private volatile long lines;
        /** Writes begun and writes ended: equal between writes. Written under this tee's lock. */
        private volatile long begun;
        private volatile long ended;

        Tee(PrintStream original, boolean stderr, RecordSink sink) {
            this.original = original;
            this.stderr = stderr;
            this.sink = sink;
        }

        /**
         * Returns the lines numbered so far if no write was under way while they were read, else -1:
         * with no write begun between reading {@code ended} and {@code begun}, none was under way
         * and the count between them was stable.
         */
        long linesBetweenWrites() {
            long endedBefore = ended;
            long count = lines;
            return begun == endedBefore ? count : -1;
        }

        @Override
        public synchronized void write(int b) {
            begun++;
            OutsideWaits.Wait piped = OutsideWaits.hold(); // a full pipe to the test JVM is proctest's wait, not the code's
            try {
                original.write(b);
                take(b);
            } finally {
                piped.close();
                ended++;
            }
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            begun++;
            OutsideWaits.Wait piped = OutsideWaits.hold();
            try {
                original.write(bytes, offset, length);
                int start = offset;
                for (int i = offset; i < offset + length; i++) {
                    if (bytes[i] == '\n') {
                        line.write(bytes, start, i - start);
                        emit();
                        start = i + 1;
                    }
                }
                line.write(bytes, start, offset + length - start);
            } finally {
                piped.close();
                ended++;
            }
        }

        @Override
        public void flush() {
            original.flush();
        }

        private void take(int b) {
            if (b == '\n') {
                emit();
            } else {
                line.write(b);
            }
        }

        /**
         * Passes the line on as the bytes written: the test JVM decodes them as it decodes the pipe,
         * so the two sides read the same text. Only an echo, rarer, is decoded here.
         */
        private void emit() {
            byte[] bytes = line.buffer();
            int length = line.size() > 0 && bytes[line.size() - 1] == '\r' ? line.size() - 1 : line.size();
            long number = lines++;
            if (!Echo.add(stderr, number, bytes, length)) {
                sink.line(stderr, number, bytes, 0, length);
            }
            line.reset();
        }
    }

    /** A line's bytes, readable in place: no copy for each line. */
    private static final class LineBuffer extends ByteArrayOutputStream {

        LineBuffer() {
            super(256);
        }

        byte[] buffer() {
            return buf;
        }
    }
}
