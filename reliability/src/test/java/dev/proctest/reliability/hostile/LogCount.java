package dev.proctest.reliability.hostile;

import java.io.OutputStream;
import java.io.PrintStream;
import java.text.MessageFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What a test JVM said while a run went on: every record logged through {@code java.util.logging}
 * (where the engine's {@code System.Logger} goes) and every line printed to its stderr, so that a
 * harness can check that hostile input cost a bounded number of lines.
 */
final class LogCount implements AutoCloseable {

    private final List<String> records = new CopyOnWriteArrayList<>();
    private final AtomicLong stderrLines = new AtomicLong();
    private final Logger root = Logger.getLogger("");
    private final PrintStream stderr = System.err;
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String message = record.getParameters() == null ? record.getMessage()
                    : MessageFormat.format(record.getMessage(), record.getParameters());
            records.add(record.getLevel() + " " + record.getLoggerName() + ": " + message);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    LogCount() {
        root.addHandler(handler);
        System.setErr(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                if (b == '\n') {
                    stderrLines.incrementAndGet();
                }
                stderr.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                for (int i = offset; i < offset + length; i++) {
                    if (bytes[i] == '\n') {
                        stderrLines.incrementAndGet();
                    }
                }
                stderr.write(bytes, offset, length);
            }
        }, true));
    }

    /** The records logged so far, each as {@code LEVEL logger: message}. */
    List<String> records() {
        return List.copyOf(records);
    }

    /** How many lines went to stderr other than through logging. */
    long stderrLines() {
        return stderrLines.get();
    }

    @Override
    public void close() {
        root.removeHandler(handler);
        System.setErr(stderr);
    }
}
