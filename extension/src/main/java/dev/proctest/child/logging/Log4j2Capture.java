package dev.proctest.child.logging;

import dev.proctest.wire.WireRecord;
import java.util.HashMap;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.AppenderRef;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Captures Log4j 2: an opening appender before the root logger's appenders and a recording one
 * after them, so that what a console appender prints is the event's echo. Loaded only when Log4j 2
 * is on the class path.
 */
final class Log4j2Capture {

    private Log4j2Capture() {}

    /** Returns false if Log4j's API is not backed by Log4j's core. */
    static boolean install(RecordSink sink) {
        if (!(LogManager.getContext(false) instanceof LoggerContext context)) {
            return false;
        }
        LoggerConfig root = context.getConfiguration().getRootLogger();
        Map<String, Appender> appenders = new HashMap<>(root.getAppenders());
        appenders.keySet().forEach(root::removeAppender);
        root.addAppender(started(new Opener()), null, null);
        for (AppenderRef reference : root.getAppenderRefs()) { // in the configuration's order
            Appender appender = appenders.remove(reference.getRef());
            if (appender != null) {
                root.addAppender(appender, reference.getLevel(), reference.getFilter());
            }
        }
        // Appenders added without a reference, as the default configuration adds its console appender.
        appenders.values().forEach(appender -> root.addAppender(appender, null, null));
        root.addAppender(started(new Recorder(sink)), null, null);
        context.updateLoggers();
        return true;
    }

    private static int level(org.apache.logging.log4j.Level level) {
        int value = level.intLevel(); // FATAL 100, ERROR 200, WARN 300, INFO 400, DEBUG 500, TRACE 600
        return value <= 200 ? WireRecord.LEVEL_ERROR : value <= 300 ? WireRecord.LEVEL_WARN : value <= 400 ? WireRecord.LEVEL_INFO
                : value <= 500 ? WireRecord.LEVEL_DEBUG : WireRecord.LEVEL_TRACE;
    }

    private static <A extends AbstractAppender> A started(A appender) {
        appender.start();
        return appender;
    }

    private static final class Opener extends AbstractAppender {

        Opener() {
            super("proctest-opener", null, null, true, Property.EMPTY_ARRAY);
        }

        @Override
        public void append(LogEvent event) {
            Echo.open(event);
        }
    }

    private static final class Recorder extends AbstractAppender {

        private final RecordSink sink;

        Recorder(RecordSink sink) {
            super("proctest-recorder", null, null, true, Property.EMPTY_ARRAY);
            this.sink = sink;
        }

        @Override
        public void append(LogEvent event) {
            try {
                long nanos = event.getInstant().getEpochMillisecond() * 1_000_000L + event.getInstant().getNanoOfMillisecond();
                sink.event(level(event.getLevel()), event.getLoggerName(), event.getThreadName(),
                        event.getMessage().getFormattedMessage(), event.getThrown(), Echo.take(event), nanos);
            } finally {
                Echo.close(event);
            }
        }
    }
}
