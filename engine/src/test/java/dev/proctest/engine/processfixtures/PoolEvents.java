package dev.proctest.engine.processfixtures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proctest.engine.pool.ChildPool;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the pool of the fixtures' run logs, read as its debug log: which JVMs of the pool have
 * connected and wait, by the JVM options of their launch, and the warnings it gives.
 */
public final class PoolEvents {

    private static final Logger LOG = Logger.getLogger(ChildPool.class.getName());
    private static final Pattern CONNECTED = Pattern.compile("\\(pid (\\d+)\\) connected .*its JVM options: (.*)$");
    private static final Pattern TAKEN = Pattern.compile("\\(pid (\\d+)\\) taken");
    private static final Pattern STARTED = Pattern.compile("\\(pid (\\d+)\\) started");
    private static final List<String> MESSAGES = new ArrayList<>();
    private static final Handler CAPTURE = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (MESSAGES) {
                Object[] parameters = record.getParameters();
                MESSAGES.add(parameters == null || parameters.length == 0 ? record.getMessage()
                        : MessageFormat.format(record.getMessage(), parameters));
                MESSAGES.notifyAll();
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    private PoolEvents() {}

    public static void start() {
        synchronized (MESSAGES) {
            MESSAGES.clear();
        }
        LOG.setLevel(Level.FINE);
        LOG.addHandler(CAPTURE);
    }

    public static void stop() {
        LOG.removeHandler(CAPTURE);
        LOG.setLevel(null);
    }

    /** Waits up to 20 s for a JVM of the pool whose launch has {@code option} to wait connected and untaken; returns its pid. */
    public static long awaitWaiting(String option) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        synchronized (MESSAGES) {
            while (true) {
                Set<Long> waiting = new LinkedHashSet<>();
                for (String message : MESSAGES) {
                    Matcher connected = CONNECTED.matcher(message);
                    if (connected.find() && connected.group(2).contains(option)) {
                        waiting.add(Long.valueOf(connected.group(1)));
                    }
                    Matcher taken = TAKEN.matcher(message);
                    if (taken.find()) {
                        waiting.remove(Long.valueOf(taken.group(1)));
                    }
                }
                waiting.removeIf(pid -> ProcessHandle.of(pid).map(process -> !process.isAlive()).orElse(true));
                if (!waiting.isEmpty()) {
                    return waiting.iterator().next();
                }
                long left = deadline - System.nanoTime();
                assertThat(left).as("a JVM of the pool with %s waiting within 20 s; the pool said: %s", option, MESSAGES).isPositive();
                MESSAGES.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    /** Returns the pids of every JVM the pool started. */
    public static Set<Long> started() {
        Set<Long> pids = new LinkedHashSet<>();
        for (String message : messages()) {
            Matcher started = STARTED.matcher(message);
            if (started.find()) {
                pids.add(Long.valueOf(started.group(1)));
            }
        }
        return pids;
    }

    /** Waits up to 20 s for the pool to have said something containing {@code text}. */
    public static void awaitSaid(String text) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        synchronized (MESSAGES) {
            while (MESSAGES.stream().noneMatch(message -> message.contains(text))) {
                long left = deadline - System.nanoTime();
                assertThat(left).as("the pool to say [%s] within 20 s; it said: %s", text, MESSAGES).isPositive();
                MESSAGES.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    public static List<String> messages() {
        synchronized (MESSAGES) {
            return List.copyOf(MESSAGES);
        }
    }
}
