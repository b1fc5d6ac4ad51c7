package dev.proctest.child.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import dev.proctest.wire.WireRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Captures Logback, when SLF4J is bound to it: an opening appender before the root logger's
 * appenders and a recording one after them, so that what a console appender prints is the event's
 * echo. Loaded only when Logback is on the class path.
 */
final class LogbackCapture {

    private LogbackCapture() {}

    /** Returns false if SLF4J is bound to something else. */
    static boolean install(RecordSink sink) {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context)) {
            return false;
        }
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        List<Appender<ILoggingEvent>> appenders = new ArrayList<>();
        root.iteratorForAppenders().forEachRemaining(appenders::add);
        appenders.forEach(root::detachAppender);
        root.addAppender(started(new Opener(), context));
        appenders.forEach(root::addAppender);
        root.addAppender(started(new Recorder(sink), context));
        return true;
    }

    private static int level(ch.qos.logback.classic.Level level) {
        return switch (level.toInt()) {
            case ch.qos.logback.classic.Level.ERROR_INT -> WireRecord.LEVEL_ERROR;
            case ch.qos.logback.classic.Level.WARN_INT -> WireRecord.LEVEL_WARN;
            case ch.qos.logback.classic.Level.INFO_INT -> WireRecord.LEVEL_INFO;
            case ch.qos.logback.classic.Level.DEBUG_INT -> WireRecord.LEVEL_DEBUG;
            default -> WireRecord.LEVEL_TRACE;
        };
    }

    private static <A extends UnsynchronizedAppenderBase<ILoggingEvent>> A started(A appender, LoggerContext context) {
        appender.setContext(context);
        appender.setName("proctest-" + appender.getClass().getSimpleName().toLowerCase(Locale.ROOT));
        appender.start();
        return appender;
    }

    private static final class Opener extends UnsynchronizedAppenderBase<ILoggingEvent> {
        @Override
        protected void append(ILoggingEvent event) {
            Echo.open(event);
        }
    }

    private static final class Recorder extends UnsynchronizedAppenderBase<ILoggingEvent> {

        private final RecordSink sink;

        Recorder(RecordSink sink) {
            this.sink = sink;
        }

        @Override
        protected void append(ILoggingEvent event) {
            try {
                IThrowableProxy thrown = event.getThrowableProxy();
                sink.event(level(event.getLevel()), event.getLoggerName(), event.getThreadName(), event.getFormattedMessage(),
                        thrown == null ? null : thrown.getClassName(), thrown == null ? null : thrown.getMessage(),
                        thrown == null ? null : ThrowableProxyUtil.asString(thrown) + System.lineSeparator(), Echo.take(event),
                        event.getTimeStamp() * 1_000_000L);
            } finally {
                Echo.close(event);
            }
        }
    }
}
