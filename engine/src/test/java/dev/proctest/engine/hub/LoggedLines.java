package dev.proctest.engine.hub;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** What the loggers of some of proctest's classes say, formatted, for tests that count the hub's lines. */
final class LoggedLines extends Handler {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    /** Held, so that the loggers and their handler stay while the test runs. */
    private final List<Logger> loggers;

    LoggedLines(Class<?>... sources) {
        loggers = Arrays.stream(sources).map(source -> Logger.getLogger(source.getName())).toList();
    }

    void start() {
        loggers.forEach(logger -> logger.addHandler(this));
    }

    void stop() {
        loggers.forEach(logger -> logger.removeHandler(this));
    }

    /** The lines said so far, in order; the list grows as more are said. */
    List<String> lines() {
        return lines;
    }

    @Override
    public void publish(LogRecord record) {
        lines.add(MessageFormat.format(record.getMessage(), record.getParameters()));
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
}
