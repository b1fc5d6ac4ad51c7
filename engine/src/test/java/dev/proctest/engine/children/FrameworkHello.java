package dev.proctest.engine.children;

/**
 * Starts the logging framework its argument names ({@code logback} or {@code log4j2}) with its
 * default configuration, logs one line, and ends: what a framework adds to a JVM's start-up.
 */
public final class FrameworkHello {

    private FrameworkHello() {}

    public static void main(String[] args) {
        switch (args[0]) {
            case "logback" -> org.slf4j.LoggerFactory.getLogger(FrameworkHello.class).warn("hello");
            case "log4j2" -> org.apache.logging.log4j.LogManager.getLogger(FrameworkHello.class).warn("hello");
            default -> throw new IllegalArgumentException(args[0]);
        }
    }
}
