package dev.proctest.child.logging;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.concurrent.atomic.AtomicInteger;
import org.apiguardian.api.API;

/**
 * Tees {@code System.out} and {@code System.err}: every byte still goes to the original stream,
 * which the test JVM reads as it always did, and every complete line becomes a record, or part of
 * the echo of the logging event being appended on the writing thread.
 */
@API(status = INTERNAL, since = "0.1")
public final class ConsoleCapture {

    /** How many writes are under way: their bytes may be on the pipe, their records not yet with the sink. */
    private static final AtomicInteger WRITING = new AtomicInteger();

    private ConsoleCapture() {}

    /** Replaces {@code System.out} and {@code System.err} with tees that feed {@code sink}. */
    public static void install(RecordSink sink) {
        System.setOut(tee(System.out, false, sink, "stdout.encoding", "sun.stdout.encoding"));
        System.setErr(tee(System.err, true, sink, "stderr.encoding", "sun.stderr.encoding"));
    }

    /**
     * Returns whether a line written to stdout or stderr may be on its pipe while the sink does not
     * have its record yet: a write is under way, or a logging event is between its appenders.
     */
    public static boolean isMidWrite() {
        return WRITING.get() > 0 || Echo.anyOpen();
    }

    /**
     * Encodes characters as the original stream does: by the first of its encoding properties that
     * is set ({@code stdout.encoding} from JDK 19, {@code sun.stdout.encoding} before), else the default.
     */
    private static PrintStream tee(PrintStream original, boolean stderr, RecordSink sink, String... encodingProperties) {
        Charset charset = Charset.defaultCharset();
        for (String property : encodingProperties) {
            String encoding = System.getProperty(property);
            if (encoding != null && Charset.isSupported(encoding)) {
                charset = Charset.forName(encoding);
                break;
            }
        }
        return new PrintStream(new Tee(original, stderr, sink), true, charset);
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
        private long lines;

        Tee(PrintStream original, boolean stderr, RecordSink sink) {
            this.original = original;
            this.stderr = stderr;
            this.sink = sink;
        }

        @Override
        public synchronized void write(int b) {
            WRITING.incrementAndGet();
            try {
                original.write(b);
                take(b);
            } finally {
                WRITING.decrementAndGet();
            }
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            WRITING.incrementAndGet();
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
                WRITING.decrementAndGet();
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
