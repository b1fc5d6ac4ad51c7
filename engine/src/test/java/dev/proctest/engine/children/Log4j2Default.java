package dev.proctest.engine.children;

/** Logs one error through Log4j 2 with no configuration of its own, so Log4j's default console output, and ends. */
public final class Log4j2Default {

    private Log4j2Default() {}

    public static void main(String[] args) {
        org.apache.logging.log4j.LogManager.getLogger("orders.service").error("request failed");
    }
}
