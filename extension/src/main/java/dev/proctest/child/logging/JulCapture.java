package dev.proctest.child.logging;

import dev.proctest.wire.WireRecord;
import java.util.List;
import java.util.logging.ErrorManager;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures {@code java.util.logging}: an opening handler before the root logger's handlers and a
 * recording one after them, so that what a {@code ConsoleHandler} prints is the event's echo.
 */
final class JulCapture {

    private JulCapture() {}

    static void install(RecordSink sink) {
        Logger root = LogManager.getLogManager().getLogger("");
        Handler[] handlers = root.getHandlers();
        for (Handler handler : handlers) {
            root.removeHandler(handler);
        }
        root.addHandler(new Opener());
        for (Handler handler : handlers) {
            root.addHandler(handler);
        }
        root.addHandler(new Recorder(sink));
    }

    /** Maps {@code java.util.logging} levels by their values: SEVERE 1000, WARNING 900, INFO 800, CONFIG 700, FINE 500, ... */
    static int level(java.util.logging.Level level) {
        int value = level.intValue();
        return value >= 1000 ? WireRecord.LEVEL_ERROR : value >= 900 ? WireRecord.LEVEL_WARN : value >= 700 ? WireRecord.LEVEL_INFO
                : value >= 500 ? WireRecord.LEVEL_DEBUG : WireRecord.LEVEL_TRACE;
    }

    private static final class Opener extends Handler {
        @Override
        public void publish(LogRecord record) {
            Echo.open(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }

    private static final class Recorder extends Handler {

        private final RecordSink sink;
        private final Formatter messages = new SimpleFormatter();

        Recorder(RecordSink sink) {
            this.sink = sink;
        }

        /** Never throws: {@code java.util.logging} would pass the failure on to the code that logged. */
        @Override
        public void publish(LogRecord record) {
            try {
                List<WireRecord.Echo> echoes = Echo.take(record);
                long nanos = record.getInstant().getEpochSecond() * 1_000_000_000L + record.getInstant().getNano();
                sink.event(level(record.getLevel()), record.getLoggerName(), Thread.currentThread().getName(),
                        messages.formatMessage(record), record.getThrown(), echoes, nanos);
            } catch (RuntimeException e) {
                reportError("proctest cannot record an event of " + record.getLoggerName(), e, ErrorManager.GENERIC_FAILURE);
            } finally {
                Echo.close(record);
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
