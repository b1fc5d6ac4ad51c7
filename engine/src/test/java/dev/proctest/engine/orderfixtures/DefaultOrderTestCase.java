package dev.proctest.engine.orderfixtures;

/** Eight tests without {@code @TestMethodOrder}. */
public class DefaultOrderTestCase extends EightTests {}
