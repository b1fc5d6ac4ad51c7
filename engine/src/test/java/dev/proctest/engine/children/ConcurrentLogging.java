package dev.proctest.engine.children;

import dev.proctest.child.ProcTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Logs from many threads at once through the path its first argument names ({@code logback},
 * {@code log4j2}, {@code jul} or {@code println}), each with a console appender or handler:
 * {@code threads} threads, released together, each log {@code thread <t> event <i>} for {@code i}
 * below {@code events}, every {@code traceEvery}th with an exception (0: none); then
 * {@code all done}, and it serves until stopped.
 */
public final class ConcurrentLogging {

    private ConcurrentLogging() {}

    /** What one thread logs through one path. */
    interface Path {
        void log(int thread, int event, Exception trace);

        /** Logs {@code text} at info. */
        void probe(String text);
    }

    public static void main(String[] args) throws InterruptedException {
        Path path = path(args[0]);
        load(path, Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        path.probe("all done");
        ProcTest.ready();
        new CountDownLatch(1).await();
    }

    /** Logs from {@code threads} threads at once, {@code events} each, and returns when all have. */
    static void load(Path path, int threads, int events, int traceEvery) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> loggers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread logger = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < events; i++) {
                    path.log(id, i, traceEvery > 0 && i % traceEvery == 0 ? new IllegalStateException("trace of " + id + "/" + i) : null);
                }
            }, "logger-" + t);
            logger.start();
            loggers.add(logger);
        }
        start.countDown();
        for (Thread logger : loggers) {
            logger.join();
        }
    }

    static Path path(String name) {
        return switch (name) {
            case "logback" -> {
                org.slf4j.Logger logger = org.slf4j.LoggerFactory.getLogger("load");
                yield of(logger::info, (thread, event, trace) -> {
                    if (trace == null) {
                        logger.info("thread {} event {}", thread, event);
                    } else {
                        logger.warn("thread {} event {}", thread, event, trace);
                    }
                });
            }
            case "log4j2" -> {
                org.apache.logging.log4j.Logger logger = org.apache.logging.log4j.LogManager.getLogger("load");
                yield of(logger::info, (thread, event, trace) -> {
                    if (trace == null) {
                        logger.info("thread {} event {}", thread, event);
                    } else {
                        logger.warn("thread {} event {}", thread, event, trace);
                    }
                });
            }
            case "jul" -> {
                java.util.logging.Logger logger = java.util.logging.Logger.getLogger("load");
                yield of(logger::info, (thread, event, trace) -> {
                    if (trace == null) {
                        logger.info("thread " + thread + " event " + event);
                    } else {
                        logger.log(java.util.logging.Level.WARNING, "thread " + thread + " event " + event, trace);
                    }
                });
            }
            case "println" -> of(System.out::println, (thread, event, trace) -> {
                System.out.println("thread " + thread + " event " + event);
                if (trace != null) {
                    trace.printStackTrace(System.out);
                }
            });
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** What one thread logs, without its probe. */
    private interface Events {
        void log(int thread, int event, Exception trace);
    }

    private static Path of(java.util.function.Consumer<String> info, Events events) {
        return new Path() {
            @Override
            public void log(int thread, int event, Exception trace) {
                events.log(thread, event, trace);
            }

            @Override
            public void probe(String text) {
                info.accept(text);
            }
        };
    }
}
