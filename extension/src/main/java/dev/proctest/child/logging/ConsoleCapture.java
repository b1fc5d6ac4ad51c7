package dev.proctest.child.logging;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Tees {@code System.out} and {@code System.err}: every byte still goes to the original stream,
 * which the test JVM reads as it always did, and every complete line becomes a record, or part of
 * the echo of the logging event being appended on the writing thread.
 */
public final class ConsoleCapture {

    private ConsoleCapture() {}

    /** Replaces {@code System.out} and {@code System.err} with tees that feed {@code sink}. */
    public static void install(RecordSink sink) {
        System.setOut(tee(System.out, false, sink, "sun.stdout.encoding"));
        System.setErr(tee(System.err, true, sink, "sun.stderr.encoding"));
    }

    /** Encodes characters as the original stream does: its encoding property if set, else the default. */
    private static PrintStream tee(PrintStream original, boolean stderr, RecordSink sink, String encodingProperty) {
        String encoding = System.getProperty(encodingProperty);
        Charset charset = encoding != null && Charset.isSupported(encoding) ? Charset.forName(encoding) : Charset.defaultCharset();
        return new PrintStream(new Tee(original, stderr, sink), true, charset);
    }

    /** Splits what passes through into lines, in the order the original stream gets the bytes. */
    private static final class Tee extends OutputStream {

        private final PrintStream original;
        private final boolean stderr;
        private final RecordSink sink;
        private final LineBuffer line = new LineBuffer();

        Tee(PrintStream original, boolean stderr, RecordSink sink) {
            this.original = original;
            this.stderr = stderr;
            this.sink = sink;
        }

        @Override
        public synchronized void write(int b) {
            original.write(b);
            take(b);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
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
            if (Echo.isOpen()) {
                Echo.add(stderr, new String(bytes, 0, length, StandardCharsets.UTF_8));
            } else {
                sink.line(stderr, bytes, 0, length);
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
